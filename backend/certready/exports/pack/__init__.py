"""The evidence pack (issue 16): a signed ZIP of evidence files an auditor verifies offline.

``layout`` (names and bytes of what is inside), ``signing`` (the deployment's Ed25519
key), ``repository`` (the files in scope, a fixed number of statements), ``service``
(the streamed ZIP), ``verify`` (the offline check ``certready pack verify`` runs),
``router`` (``/orgs/{org}/exports/evidence-pack.zip`` and ``.../signing-key``).
"""
