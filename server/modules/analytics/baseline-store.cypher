// A population baseline: one node of reference data (not an Entity). $id is 'borough' for the
// whole store, or a borough's code when one store holds several (a force).
MERGE (b:PopulationBaseline {id: $id})
SET b.json = $json, b.description = $description, b.total = $total
