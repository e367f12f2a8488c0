"""
JSON Schema for eventmodel's documents.

:func:`json_schema` describes the document that :func:`eventmodel.json.dumps`
writes for a :class:`~eventmodel.Dossier`, as JSON Schema Draft 2020-12; give
it to any JSON Schema tool, in any language, to check documents before they
reach eventmodel, or to generate code for them. :func:`json_schema_for` does
the same for the document of one class (a claim, a quantity, ...).

The schema is built from the model classes themselves, field by field: their
types, which fields have defaults (those may be left out; the rest are
``required``), the validators that constrain them, and the custom types in the
:class:`~eventmodel.TypeRegistry`. A field added to a class, or a type
registered with :func:`eventmodel.register`, shows in the next schema built.

What the schema says, the reader also checks. The reverse does not hold: the
reader is the authority, and some of its checks are beyond a schema or only
approximated here:

- the patterns for EDTF times accept the forms :meth:`eventmodel.When.parse`
  reads, but also a few it refuses (a day in a season, February 30th, a zone
  name that is not a real zone);
- the pattern for numbers (Decimal strings, as Python's ``str(Decimal)``
  writes them) admits a few strings written otherwise (``"1.5E+1"`` for
  ``"15"``);
- rules that tie members together (a quantity's bounds in order, a
  confidence's number inside its label's band, a span as long as its quote,
  ids unique within a dossier) are checked only by the reader.

Patterns are written for ECMA-262 regular expressions, as JSON Schema
specifies: ``$`` is the end of the text.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from .io._schema import json_schema, json_schema_for

__all__ = ["json_schema", "json_schema_for"]
