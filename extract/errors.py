"""Errors that turn a file into a `status="failed"` documents row with a one-line reason."""
from __future__ import annotations


class ExtractError(Exception):
    """A file could not be extracted; str(exc) is the one-line reason users see."""


class NotAPDF(ExtractError):
    pass


class EncryptedPDF(ExtractError):
    pass


class DamagedPDF(ExtractError):
    pass


class NoTextLayer(ExtractError):
    pass


class ModelNotFound(Exception):
    """An optional NER model was asked for but is not installed or not at that path."""
