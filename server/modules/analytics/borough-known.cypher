// Whether the store holds records of borough $code that the viewer may see: its places or its people.
RETURN EXISTS { MATCH (c:Context) WHERE c.borough = $code AND VISIBLE_NODE(c) }
  OR EXISTS { MATCH (p:Person) WHERE p.borough = $code AND VISIBLE_NODE(p) } AS known
