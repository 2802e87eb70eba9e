"""moto_server with IAM's clock adjustable from the tests (see moto.ts, `ageDays`).

IAM stamps users, login profiles and access keys with moto's `utcnow()`. The tests need keys that are
really weeks old (a key is due only after a notice period that starts no earlier than its creation), and
moto_server has no time-travel endpoint. This launcher replaces IAM's `utcnow` with one that reads a
number of seconds from the file named by MOTO_IAM_CLOCK_FILE on every call and subtracts it; other
services (STS, Organizations, Security Hub) keep the real clock. Then it runs moto_server's own main.
"""
import datetime
import os
import sys

import moto.core.utils as core_utils
import moto.iam.models as iam_models

_real = core_utils.utcnow
_path = os.environ.get("MOTO_IAM_CLOCK_FILE", "")


def _shifted():
    try:
        with open(_path, encoding="utf-8") as f:
            offset = float(f.read().strip() or "0")
    except (OSError, ValueError):
        offset = 0.0
    return _real() - datetime.timedelta(seconds=offset)


iam_models.utcnow = _shifted

from moto.server import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
