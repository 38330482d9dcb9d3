"""Normalisers (SPEC §6): money to amount + ISO currency, dates to ISO against the article date, places to
GeoNames, job titles to English.

Import the submodules directly (``from kg.normalize.money import parse_money``); nothing heavy is loaded here,
and the place index is only built on first use.
"""

__all__ = ["dates", "money", "places", "titles"]
