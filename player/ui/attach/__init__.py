"""What attaching the listener's own audio changed, and which clock the transport's time is on."""

from player.ui.attach.controller import AttachController, attach_message

__all__ = ["AttachController", "attach_message"]
