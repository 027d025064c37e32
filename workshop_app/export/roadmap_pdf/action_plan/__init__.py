"""The sections that make the road-map PDF a national action plan a government endorses: the
endorsement page, the country's own texts, acronyms, definitions, the reference figures of the
context and the risk matrix."""

__all__ = ["acronyms", "contributors", "costing", "country_texts", "crosscutting", "definitions", "endorsement",
           "figures", "milestones", "participation", "risks", "summary"]
