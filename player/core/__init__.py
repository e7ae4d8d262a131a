"""The Qt-free core: everything here runs and is tested without a window.

Nothing under ``player.core`` may import Qt; ``tests/quality`` checks that boundary.
"""
