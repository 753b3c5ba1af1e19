from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PackSigningKeyRead")


@_attrs_define
class PackSigningKeyRead:
    """The deployment's public key that signs evidence packs (``SHA256SUMS.sig``).

    Attributes:
        algorithm (str):
        public_key_pem (str): SubjectPublicKeyInfo, PEM (`signing-key.pem`).
        fingerprint_sha256 (str): SHA-256 (hex) of the DER public key: `openssl pkey -pubin -in signing-key.pem -outform
            DER | sha256sum`.
    """

    algorithm: str
    public_key_pem: str
    fingerprint_sha256: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        algorithm = self.algorithm

        public_key_pem = self.public_key_pem

        fingerprint_sha256 = self.fingerprint_sha256

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "algorithm": algorithm,
                "public_key_pem": public_key_pem,
                "fingerprint_sha256": fingerprint_sha256,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        algorithm = d.pop("algorithm")

        public_key_pem = d.pop("public_key_pem")

        fingerprint_sha256 = d.pop("fingerprint_sha256")

        pack_signing_key_read = cls(
            algorithm=algorithm,
            public_key_pem=public_key_pem,
            fingerprint_sha256=fingerprint_sha256,
        )

        pack_signing_key_read.additional_properties = d
        return pack_signing_key_read

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
