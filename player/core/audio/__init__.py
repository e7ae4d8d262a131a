"""Audio read straight from the listener's file, for features that need its samples."""
