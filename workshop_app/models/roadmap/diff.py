"""What changed between two snapshots of the road map (versions.snapshot), in a facilitator's words.

Items and indicators are matched by their stable id, never by code: an action that became
2.1.1 after a move is the same action, reported as moved ("1.2.3 → 2.1.1"), not as one removed
and one added. Partners are matched by action and organization.
"""

import json
from dataclasses import dataclass, field
from typing import Any

from workshop_app.i18n.catalogs import N_, _, listed
from workshop_app.i18n.formats import amount as window_amount
from workshop_app.models import vocabulary as v
from workshop_app.models.roadmap.tree import item_label
from workshop_app.models.roadmap.versions import DERIVED_KEYS

# Fields that say where an item is; a change there is reported as a move, not as an edit.
_PLACE = {"id", "parent_id", "position", "node_id", *DERIVED_KEYS}

# Marked with N_: translate with _() where shown. In a line like "Action 2.1.3: cost 5,000 → 7,000 USD".
FIELD_LABELS = {
    # Translators: a field of a road-map item, as it reads in "Action 2.1.3: title “A” → “B”"
    "title": N_("title"), "description": N_("description"), "lead_organization_id": N_("lead organization"),
    # Translators: a field of a road-map action: when it starts (a quarter or a date)
    "start": N_("start"),
    # Translators: a field of a road-map action: when it ends (a quarter or a date)
    "end": N_("end"),
    "status": N_("status"), "cost": N_("cost"), "currency": N_("currency"),
    "funding_secured": N_("funding secured"), "gender_marker": N_("gender marker"),
    "geographic_scope": N_("geographic scope"), "issue_tags": N_("target 8.7 issues"), "pillar_tags": N_("pillars"),
    "action_group": N_("Action Group"), "sdgs": N_("related SDGs"), "risks": N_("risks"),
    "assumptions": N_("assumptions"), "comments": N_("comments"), "level": N_("level"), "unit": N_("unit"),
    "baseline_value": N_("baseline"), "baseline_year": N_("baseline year"), "target_value": N_("target"),
    "target_year": N_("target year"), "disaggregation": N_("disaggregation"),
    "means_of_verification": N_("means of verification"), "collected_by": N_("collected by"),
    "frequency": N_("frequency"),
}
_SHORTEN = 70


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class ItemChange:
    """A road-map item (kind "node") or an indicator (kind "indicator") that was added, removed,
    moved or edited. Labels read "Action 2.1.3" or "Indicator 1 of output 1.2"."""
    kind: str
    id: str
    level: str  # goal, outcome, output, action or indicator
    title: str
    old_label: str | None  # None when added
    new_label: str | None  # None when removed
    old_code: str | None = None
    new_code: str | None = None
    fields: tuple[FieldChange, ...] = ()
    new_parent: str | None = None  # label of the new parent, for a move that kept its code
    currency: str = ""  # of the action, for showing its amounts

    @property
    def label(self) -> str:
        return self.new_label or self.old_label


@dataclass(frozen=True)
class PartnerChange:
    node_id: str
    label: str  # of the action
    organization_id: str
    organization: str  # acronym or name
    old_role: str | None  # None when added
    new_role: str | None  # None when removed


@dataclass
class Diff:
    added: list[ItemChange] = field(default_factory=list)
    removed: list[ItemChange] = field(default_factory=list)
    moved: list[ItemChange] = field(default_factory=list)
    changed: list[ItemChange] = field(default_factory=list)
    partners: list[PartnerChange] = field(default_factory=list)
    organizations: dict[str, dict] = field(default_factory=dict)  # names from both snapshots
    # Which breakout group's handout brought a row (field "") or a field: (row id, field) -> group.
    origins: dict[tuple[str, str], str] = field(default_factory=dict)

    def origin(self, row_id: str, name: str = "") -> str:
        """The group whose handout brought the row or field, or ""."""
        return self.origins.get((row_id, name), "")

    def _from(self, line: str, row_id: str, name: str = "") -> str:
        group = self.origin(row_id, name)
        # Translators: a change a breakout group's handout brought: "Action 2.1.3: cost … (from Group B)"
        return _("{line} (from {group})").format(line=line, group=group) if group else line

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.moved or self.changed or self.partners)

    def actions(self, section: str) -> list[ItemChange]:
        """The actions of one section ("added", "removed", "moved", "changed")."""
        return [item for item in getattr(self, section) if item.level == "action"]

    def indicators(self, section: str) -> list[ItemChange]:
        return [item for item in getattr(self, section) if item.kind == "indicator"]

    def lines(self) -> list[str]:
        """One sentence per difference, for a report; empty when nothing changed."""
        lines = [self._from(_("Added {item}: {title}").format(item=_lower(item.new_label), title=_quote(item.title)),
                            item.id) for item in self.added]
        lines += [_("Removed {item}: {title}").format(item=_lower(item.old_label), title=_quote(item.title))
                  for item in self.removed]
        for item in self.moved:
            if item.old_label != item.new_label:
                target = item.new_code if item.kind == "node" and item.old_code and item.new_code else (
                    _lower(item.new_label))
                lines.append(_("Moved {item} → {place}: {title}").format(item=_lower(item.old_label), place=target,
                                                                        title=_quote(item.title)))
            else:
                lines.append(_("Moved {item} under {parent}: {title}").format(
                    item=_lower(item.new_label), parent=_lower(item.new_parent), title=_quote(item.title)))
        for item in self.changed:
            for change in item.fields:
                field = FIELD_LABELS.get(change.field)
                # Translators: "Action 2.1.3: cost 5,000 USD → 7,000 USD"
                lines.append(self._from(_("{item}: {field} {old} → {new}").format(
                    item=item.label, field=_(field) if field else change.field.replace("_", " "),
                    old=self._value(change.field, change.old, item, "old"),
                    new=self._value(change.field, change.new, item, "new")), item.id, change.field))
        for partner in self.partners:
            if partner.old_role is None:
                lines.append(_("Partner added to {item}: {organization} ({role})").format(
                    item=_lower(partner.label), organization=partner.organization, role=_role(partner.new_role)))
            elif partner.new_role is None:
                lines.append(_("Partner removed from {item}: {organization} ({role})").format(
                    item=_lower(partner.label), organization=partner.organization, role=_role(partner.old_role)))
            else:
                lines.append(_("Partner role changed on {item}: {organization} {old} → {new}").format(
                    item=_lower(partner.label), organization=partner.organization, old=_role(partner.old_role),
                    new=_role(partner.new_role)))
        return lines

    def value_text(self, name: str, value: Any, item: ItemChange, side: str) -> str:
        """A field's old or new value as a reader sees it (money with its currency, labels)."""
        return self._value(name, value, item, side)

    def _value(self, name: str, value: Any, item: ItemChange, side: str) -> str:
        currency = _currency_of(item, side) if name in ("cost", "funding_secured") else ""
        return value_words(name, value, self.organizations, currency)


def merge_origins(document) -> dict[tuple[str, str], str]:
    """(row id, field) -> the group whose merged handout brought it ("" field: the whole row);
    a later merge's word wins."""
    rows = document.query("SELECT record.row_id, record.field, handout.label FROM merged_change AS record "
                          "JOIN merged_handout AS handout ON handout.id = record.handout_id ORDER BY handout.merged_at")
    return {(row_id, name): label for row_id, name, label in rows}


def value_words(name: str, value: Any, organizations: dict[str, dict], currency: str = "",
                shorten: int = _SHORTEN) -> str:
    """A field's value as a reader sees it: labels for keys, names for organizations, money with
    its currency, text quoted and shortened to `shorten` characters."""
    if value in (None, "", "[]"):
        # Translators: an empty value in "Action 2.1.3: risks (none) → “Floods”"
        return _("(none)")
    if name in ("lead_organization_id", "organization_id"):
        return _organization(organizations, value)
    if name == "status":
        return _label(v.ACTION_STATUSES, value)
    if name == "action_group":
        return _label(v.ACTION_GROUPS, value)
    if name == "role":
        return _label(v.PARTNER_ROLES, value)
    if name in ("issue_tags", "pillar_tags", "sdgs"):
        try:
            keys = json.loads(value) if isinstance(value, str) else value
        except ValueError:
            return _quote(value, shorten)
        if name == "sdgs":
            # Translators: a Sustainable Development Goal by its number: "SDG 8"
            return listed(_("SDG {number}").format(number=key) for key in keys) or _("(none)")
        labels = v.ISSUE_TAGS if name == "issue_tags" else v.PILLAR_TAGS
        return listed(_label(labels, key) for key in keys) or _("(none)")
    if name in ("cost", "funding_secured", "amount") and isinstance(value, (int, float)):
        return f"{window_amount(value)} {currency}".strip()
    if isinstance(value, str):
        return _quote(value, shorten)
    return str(value)


def compare(old: dict, new: dict, origins: dict[tuple[str, str], str] | None = None) -> Diff:
    """The differences from snapshot `old` to snapshot `new`; `origins` names the handouts that
    brought rows and fields (merge_origins)."""
    diff = Diff(organizations={**old.get("organizations", {}), **new.get("organizations", {})},
                origins=origins or {})
    old_nodes = {node["id"]: node for node in old["nodes"]}
    new_nodes = {node["id"]: node for node in new["nodes"]}
    _compare_nodes(diff, old, new, old_nodes, new_nodes)
    _compare_indicators(diff, old, new, old_nodes, new_nodes)
    _compare_partners(diff, old, new, old_nodes, new_nodes)
    return diff


def _compare_nodes(diff: Diff, old: dict, new: dict, old_nodes: dict, new_nodes: dict) -> None:
    for node in new["nodes"]:
        before = old_nodes.get(node["id"])
        label = item_label(node["level"], node["code"])
        if before is None:
            diff.added.append(ItemChange("node", node["id"], node["level"], node["title"], None, label,
                                         None, node["code"]))
            continue
        fields = _field_changes(before, node)
        moved = before["code"] != node["code"] or before["parent_id"] != node["parent_id"]
        if not fields and not moved:
            continue
        old_label = item_label(before["level"], before["code"])
        parent = new_nodes.get(node["parent_id"])
        item = ItemChange("node", node["id"], node["level"], node["title"], old_label, label, before["code"],
                          node["code"], fields, _node_label(parent), node.get("currency") or "")
        if moved:
            diff.moved.append(item)
        if fields:
            diff.changed.append(item)
    for node in old["nodes"]:
        if node["id"] not in new_nodes:
            diff.removed.append(ItemChange("node", node["id"], node["level"], node["title"],
                                           item_label(node["level"], node["code"]), None, node["code"], None))


def _compare_indicators(diff: Diff, old: dict, new: dict, old_nodes: dict, new_nodes: dict) -> None:
    old_indicators = {row["id"]: row for row in old["indicators"]}
    new_indicators = {row["id"]: row for row in new["indicators"]}
    for row in new["indicators"]:
        before = old_indicators.get(row["id"])
        label = _indicator_label(row, new_nodes)
        if before is None:
            diff.added.append(ItemChange("indicator", row["id"], "indicator", row["title"], None, label))
            continue
        old_label = _indicator_label(before, old_nodes)
        fields = _field_changes(before, row)
        item = ItemChange("indicator", row["id"], "indicator", row["title"], old_label, label, fields=fields,
                          new_parent=_node_label(new_nodes.get(row["node_id"])))
        if old_label != label or before["node_id"] != row["node_id"]:
            diff.moved.append(item)
        if fields:
            diff.changed.append(item)
    for row in old["indicators"]:
        if row["id"] not in new_indicators:
            diff.removed.append(ItemChange("indicator", row["id"], "indicator", row["title"],
                                           _indicator_label(row, old_nodes), None))


def _compare_partners(diff: Diff, old: dict, new: dict, old_nodes: dict, new_nodes: dict) -> None:
    """Partners of actions present on both sides; an added or removed action says enough itself."""
    old_partners = {(row["node_id"], row["organization_id"]): row["role"] for row in old["partners"]}
    new_partners = {(row["node_id"], row["organization_id"]): row["role"] for row in new["partners"]}
    for rows, other, is_new in ((new["partners"], old_partners, True), (old["partners"], new_partners, False)):
        for row in rows:
            key = (row["node_id"], row["organization_id"])
            if key[0] not in old_nodes or key[0] not in new_nodes:
                continue
            role_there = other.get(key)
            if role_there == row["role"] or (not is_new and role_there is not None):
                continue  # unchanged, or a role change already listed from the new side
            old_role, new_role = (role_there, row["role"]) if is_new else (row["role"], None)
            node = new_nodes[key[0]]
            diff.partners.append(PartnerChange(key[0], item_label(node["level"], node["code"]), key[1],
                                               _organization(diff.organizations, key[1]), old_role, new_role))


def _field_changes(old: dict, new: dict) -> tuple[FieldChange, ...]:
    if old == new:
        return ()  # most items of two snapshots: one comparison in C instead of one per field
    names = [name for name in old if name not in _PLACE] + [name for name in new if name not in _PLACE
                                                              and name not in old]
    return tuple(FieldChange(name, old.get(name), new.get(name)) for name in names if old.get(name) != new.get(name))


def _indicator_label(row: dict, nodes: dict[str, dict]) -> str:
    # Translators: "Indicator 2 of output 1.3"
    return _("Indicator {number} of {item}").format(number=row["position"] + 1,
                                                   item=_lower(_node_label(nodes.get(row["node_id"]))))


def _node_label(node: dict | None) -> str:
    return item_label(node["level"], node["code"]) if node else _("a removed item")


def _currency_of(item: ItemChange, side: str) -> str:
    for change in item.fields:
        if change.field == "currency":
            return getattr(change, side) or ""
    return item.currency


def _organization(organizations: dict[str, dict], organization_id: str) -> str:
    found = organizations.get(organization_id)
    if not found:
        return _("(an organization removed since)")
    return found.get("acronym") or found.get("name") or _("(unnamed organization)")


def _label(labels: dict, key) -> str:
    """A vocabulary key's label in the current language; an unknown key as it is."""
    return _(labels[key]) if key in labels else str(key)


def _role(role: str) -> str:
    return _label(v.PARTNER_ROLES, role).lower()


def _lower(label: str) -> str:
    return label[:1].lower() + label[1:]


def _quote(text: str, shorten: int = _SHORTEN) -> str:
    text = " ".join(str(text).split())
    if len(text) > shorten:
        text = text[:shorten - 1].rstrip() + "…"
    return f"“{text}”"
