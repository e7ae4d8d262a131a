"""The audio file itself: its tags, cover art and embedded chapters."""
