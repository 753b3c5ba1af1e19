"""Evidence: items, immutable file versions, integrity, approval (DESIGN.md "Evidence uploads")."""
