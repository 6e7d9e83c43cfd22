"""One base error for ddkg; the CLI maps each kind to an exit code (0 ok, 1 invalid, 2 unusable input)."""


class DdkgError(Exception):
    """Base class of every error ddkg raises on purpose."""

    exit_code = 2


class UnusableInputError(DdkgError):
    """An input file or record that cannot be read (missing, empty, binary, malformed)."""

    exit_code = 2

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class UsageError(DdkgError):
    """A command used wrongly: unknown query name, bad option value."""

    exit_code = 2


class InvalidGraphError(DdkgError):
    """A graph that does not conform to the SHACL shapes."""

    exit_code = 1
