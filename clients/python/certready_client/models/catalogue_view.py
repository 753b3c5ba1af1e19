from enum import StrEnum


class CatalogueView(StrEnum):
    FLAT = "flat"
    TREE = "tree"

    def __str__(self) -> str:
        return str(self.value)
