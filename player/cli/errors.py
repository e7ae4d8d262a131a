"""How a sub-command ends: usage errors, known failures and a closed pipe as exit codes.

Every sub-command runs through ``exit_code``, so a bad argument is 2 with the usage on stderr, a
failure the command expects is one line and its code, and output piped into ``head`` ends
quietly, the same way in each.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence


class UsageError(Exception):
    pass


class Parser(argparse.ArgumentParser):
    """Usage errors as a return code, so ``main([...])`` never exits the caller's process."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        raise UsageError(f"{self.prog}: {message}")


def exit_code(
    prog: str, run: Callable[[], int], failures: Sequence[tuple[type[Exception], int]]
) -> int:
    """``run()``'s code; a failure of a kind in ``failures`` is ``prog: message`` and its code."""
    try:
        return run()
    except UsageError as e:
        print(e, file=sys.stderr)
        return 2
    except BrokenPipeError:
        # Output piped into ``head``: the reader has what it wanted.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - stays open until exit
        return 0
    except Exception as e:
        for kind, code in failures:
            if isinstance(e, kind):
                print(f"{prog}: {e}", file=sys.stderr)
                return code
        raise
