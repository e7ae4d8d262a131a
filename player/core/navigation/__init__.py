"""Moving around an episode the way podcast apps let listeners: chapters, typed times, time left."""
