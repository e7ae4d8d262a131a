"""Podcast side-files: chapters and transcripts, read into one ``Track`` shape, and the brief
written back out as chapters or subtitles."""
