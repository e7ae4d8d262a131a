"""The sleep timer."""
