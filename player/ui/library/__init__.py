"""Getting episodes into the window: dropped files now, a library view of episodes and briefs."""
