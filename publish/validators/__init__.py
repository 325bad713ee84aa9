"""Wrappers around the external validators ``publish check`` and the tests run."""
