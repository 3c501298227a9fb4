// Whether any of these records has a direct link the viewer may not see: a hidden relationship,
// or a visible one to a hidden record. One bit, over every relationship type and date, so no
// filter can break it down. A merged duplicate is the same person, not a hidden record.
RETURN EXISTS {
  MATCH (a:Entity)-[r]-(b:Entity)
  WHERE a.id IN $ids AND VISIBLE_NODE(a) AND type(r) <> 'MERGED_INTO'
    AND NOT (VISIBLE_REL(r) AND VISIBLE_NODE(b))
} AS hidden
