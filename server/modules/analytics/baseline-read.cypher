MATCH (b:PopulationBaseline {id: $id})
RETURN b.json AS json
