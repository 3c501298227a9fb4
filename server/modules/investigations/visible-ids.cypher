// Which of a saved investigation's ids the viewer may see now (sharing and handling change).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE VISIBLE_NODE(n)
RETURN collect(n.id) AS ids
