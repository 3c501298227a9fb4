// Takes the write locks of the records a decision on a pair touches, in id order, before the
// decision reads anything: two decisions on the same records then run one after the other, and
// the second reads what the first committed. (Neo4j reads without locks; a lock is held until the
// transaction ends, so setting and removing a property in one statement is enough to take it.)
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WITH n ORDER BY n.id
SET n.lockedBy = $lockId
REMOVE n.lockedBy
RETURN count(n) AS locked
