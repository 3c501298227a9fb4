// The borough's population baseline: one node of reference data (not an Entity).
MERGE (b:PopulationBaseline {id: 'borough'})
SET b.json = $json, b.description = $description, b.total = $total
