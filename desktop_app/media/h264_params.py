"""Just enough H.264 bitstream handling to splice copied and re-encoded pictures in one MP4.

An MP4 H.264 track has one `avcC` record listing its parameter sets (SPS/PPS); slices name
their PPS by id. Smart rendering keeps the source's sets and adds the re-encoder's under a
different id (x264's `sps-id`), so both kinds of slices decode from the same track.
"""

from __future__ import annotations

from dataclasses import dataclass

NAL_IDR = 5
NAL_SPS = 7
NAL_PPS = 8


@dataclass(frozen=True)
class AvcConfig:
    """A parsed avcC record."""

    profile: int
    compat: int
    level: int
    nal_length: int
    sps: tuple[bytes, ...]
    pps: tuple[bytes, ...]
    trailer: bytes  # chroma/bit-depth fields of High profiles, kept as they were

    @classmethod
    def parse(cls, data: bytes) -> AvcConfig:
        if len(data) < 7 or data[0] != 1:
            raise ValueError("not an avcC record")
        nal_length = (data[4] & 3) + 1
        pos = 6
        sps = []
        for _ in range(data[5] & 0x1F):
            size = int.from_bytes(data[pos : pos + 2], "big")
            sps.append(bytes(data[pos + 2 : pos + 2 + size]))
            pos += 2 + size
        pps = []
        count = data[pos]
        pos += 1
        for _ in range(count):
            size = int.from_bytes(data[pos : pos + 2], "big")
            pps.append(bytes(data[pos + 2 : pos + 2 + size]))
            pos += 2 + size
        if pos > len(data):
            raise ValueError("truncated avcC record")
        return cls(data[1], data[2], data[3], nal_length, tuple(sps), tuple(pps),
                   bytes(data[pos:]))

    def build(self) -> bytes:
        out = bytearray([1, self.profile, self.compat, self.level,
                         0xFC | (self.nal_length - 1), 0xE0 | len(self.sps)])
        for unit in self.sps:
            out += len(unit).to_bytes(2, "big") + unit
        out.append(len(self.pps))
        for unit in self.pps:
            out += len(unit).to_bytes(2, "big") + unit
        return bytes(out + self.trailer)

    def with_extra(self, sps: list[bytes], pps: list[bytes], level: int) -> AvcConfig:
        return AvcConfig(self.profile, self.compat, max(self.level, level), self.nal_length,
                         self.sps + tuple(sps), self.pps + tuple(pps), self.trailer)

    @property
    def sps_ids(self) -> set[int]:
        return {sps_id(s) for s in self.sps}

    @property
    def pps_ids(self) -> set[int]:
        return {pps_ids(p)[0] for p in self.pps}


def _unescape(data: bytes) -> bytes:
    return data.replace(b"\x00\x00\x03", b"\x00\x00")


class _Bits:
    def __init__(self, data: bytes) -> None:
        self._data = _unescape(data)
        self._pos = 0

    def bit(self) -> int:
        byte = self._data[self._pos >> 3]
        value = (byte >> (7 - (self._pos & 7))) & 1
        self._pos += 1
        return value

    def ue(self) -> int:
        zeros = 0
        while self.bit() == 0:
            zeros += 1
            if zeros > 31:
                raise ValueError("bad exp-Golomb code")
        value = 1
        for _ in range(zeros):
            value = (value << 1) | self.bit()
        return value - 1


def sps_id(sps: bytes) -> int:
    """seq_parameter_set_id of an SPS NAL unit (header byte included)."""
    return _Bits(sps[4:]).ue()


def pps_ids(pps: bytes) -> tuple[int, int]:
    """(pic_parameter_set_id, seq_parameter_set_id) of a PPS NAL unit."""
    bits = _Bits(pps[1:])
    return bits.ue(), bits.ue()


def annexb_units(data: bytes) -> list[bytes]:
    """NAL units of an Annex-B byte stream (start codes removed)."""
    units = []
    i, n = 0, len(data)
    starts = []
    while True:
        j = data.find(b"\x00\x00\x01", i)
        if j < 0:
            break
        starts.append(j + 3)
        i = j + 3
    for k, s in enumerate(starts):
        end = starts[k + 1] - 3 if k + 1 < len(starts) else n
        unit = data[s:end]
        if k + 1 < len(starts):
            unit = unit.rstrip(b"\x00") if unit.endswith(b"\x00") else unit
        units.append(bytes(unit))
    return [u for u in units if u]


def length_prefixed(units: list[bytes], nal_length: int) -> bytes:
    return b"".join(len(u).to_bytes(nal_length, "big") + u for u in units)


def prefixed_units(data: bytes, nal_length: int) -> list[bytes]:
    """NAL units of a length-prefixed (MP4) packet."""
    units, pos = [], 0
    while pos + nal_length <= len(data):
        size = int.from_bytes(data[pos : pos + nal_length], "big")
        units.append(data[pos + nal_length : pos + nal_length + size])
        pos += nal_length + size
    return units


def is_idr(data: bytes, nal_length: int) -> bool:
    return any(u and (u[0] & 0x1F) == NAL_IDR for u in prefixed_units(data, nal_length))
