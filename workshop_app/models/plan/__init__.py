"""What a national action plan holds beyond the road map: the texts only the country can write,
the reference figures its context cites, its acronyms and the funding sources of its actions."""

__all__ = ["acronyms", "figures", "funding", "texts"]
