// Whether the store holds records of borough $code: its places or its people.
RETURN EXISTS { MATCH (c:Context) WHERE c.borough = $code } OR EXISTS { MATCH (p:Person) WHERE p.borough = $code } AS known
