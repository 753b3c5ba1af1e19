"""OSCAL exports (issue 16): the catalogue as an OSCAL catalog, an audit as assessment-results,
the corrective measures as a plan of action and milestones (POA&M).

``ids`` holds what the three documents share: the OSCAL version they declare, the stable
UUIDs (uuid5 of our own ids: the same data gives the same document) and the control ids
(``iso20000-1_8.6.1``: an OSCAL token must start with a letter). The documents carry our
titles and guidance, never the standard's requirement text.
"""
