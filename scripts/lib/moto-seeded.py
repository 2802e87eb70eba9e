"""moto_server with IAM users created in-process before it starts serving (for `npm run bench`).

Creating 20,000+ users through moto's HTTP API one call at a time takes minutes (moto serves about
150 calls/s on 2 cores); creating them in moto's own process takes seconds. The users, login profiles
and access keys are moto's real objects: its credential report, ListUsers, ListAccessKeys,
GetAccessKeyLastUsed, ... serve them exactly as if they had been created over HTTP.

Usage: python3 moto-seeded.py SPEC.json HOST PORT
SPEC: {"accounts": [{"id": "210000000001", "users": 1000, "violators": 50, "seed": 1,
                      "alias": "bench-1" (optional)}]}
Each account gets `users` users named user000000, user000001, ...; exactly `violators` of them (picked
at random by `seed`) have a password and an active access key never used (what the audit fails). The
others are compliant: ~35% console-only, ~30% service users (a key, no password), ~15% console users
whose key was used 3 days ago, ~20% without credentials.
Times are whole seconds, as AWS's API returns them (moto keeps microseconds, which the SDK rounds to
milliseconds: a key made at .9995 s would appear a second later than in the report).
moto's GetAccessKeyLastUsed is patched to use moto's own key index (see _indexed_last_used): same answers,
without a scan of every user per call.
Prints one line `SEEDED {json}` (seconds taken, per-account counts) to stdout, then runs moto_server.
"""

import datetime
import json
import random
import sys
import time

from moto.iam.models import AccessKeyLastUsed, IAMBackend, iam_backends
from moto.server import main as moto_server_main

_scan_last_used = IAMBackend.get_access_key_last_used


def _indexed_last_used(self, access_key_id):
    """moto's GetAccessKeyLastUsed lists the keys of every user of every account on each call (O(all
    users): ~80 ms per call with 70,000 users); look the key up in the account's own index instead, with
    the same answer. Keys not in it (other accounts, unknown keys) still go through moto's scan."""
    key = self.access_keys.get(access_key_id)
    if key is not None and key.user_name:
        return {"user_name": key.user_name, "last_used": key.last_used}
    return _scan_last_used(self, access_key_id)


IAMBackend.get_access_key_last_used = _indexed_last_used

PASSWORD = "Init1al-Passw0rd!"


def seed(spec):
    started = time.perf_counter()
    used_at = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None) - datetime.timedelta(days=3)
    summary = {}
    for account in spec["accounts"]:
        backend = iam_backends[account["id"]]["aws"]
        rnd = random.Random(account.get("seed", 1))
        users = account["users"]
        violators = set(rnd.sample(range(users), account["violators"]))
        keys = 0
        console = 0
        for i in range(users):
            name = f"user{i:06d}"
            user = backend.create_user(region_name="us-east-1", user_name=name)
            user.create_date = user.create_date.replace(microsecond=0)
            r = 1.0 if i in violators else rnd.random()
            password = i in violators or r < 0.35 or 0.65 <= r < 0.80
            key = i in violators or 0.35 <= r < 0.80
            if password:
                backend.create_login_profile(name, PASSWORD)
                console += 1
            if key:
                created = backend.create_access_key(name)
                created.create_date = created.create_date.replace(microsecond=0)
                if 0.65 <= r < 0.80:
                    created.last_used = AccessKeyLastUsed(timestamp=used_at, service="s3", region="us-east-1")
                keys += 1
        if account.get("alias"):
            backend.create_account_alias(account["alias"])
        summary[account["id"]] = {
            "users": users,
            "violators": len(violators),
            "keys": keys,
            "consoleUsers": console,
        }
    return {"seconds": time.perf_counter() - started, "accounts": summary}


if __name__ == "__main__":
    spec_path, host, port = sys.argv[1], sys.argv[2], sys.argv[3]
    with open(spec_path, encoding="utf-8") as f:
        result = seed(json.load(f))
    print("SEEDED " + json.dumps(result), flush=True)
    moto_server_main(["-H", host, "-p", port])
