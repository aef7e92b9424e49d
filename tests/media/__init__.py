"""Tests of the media adapters (probe, audio decoding, pictures, Whisper) on real files."""
