"""The audio brief: its model (``models``), its text and JSON formats (``parser``,
``json_brief``), the links between its parts (``links``) and its cues (``cues``).

Import from the module that holds a thing; the package itself re-exports nothing, so importing
one part never loads the rest.
"""
