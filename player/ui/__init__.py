"""The Qt layer: widgets and item models that show the core and forward what the listener does."""
