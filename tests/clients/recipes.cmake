# Checks of the ontology, the SHACL shapes and the SPARQL recipes that the
# README shows. Included from tests/clients/CMakeLists.txt after
# kgbuild_add_client_test is defined; every test needs the kg_outputs
# fixture and the npm packages (oxigraph, rdf-validate-shacl,
# @rdfjs/dataset).

set(KGBUILD_VOCAB_DIR "${PROJECT_SOURCE_DIR}/vocab")

kgbuild_add_client_test(clients.ontology_terms KGBUILD_NODE_EXECUTABLE
  "${KGBUILD_NODE_EXECUTABLE}" "${CLIENTS_DIR}/ontology_check.mjs"
  "${KGBUILD_VOCAB_DIR}/ontology.ttl"
  "${KGBUILD_OUT_SAMPLES}/graph.nt" "${KGBUILD_OUT_SAMPLES}/graph.nq"
  "${KGBUILD_OUT_DEV}/graph.nt")

kgbuild_add_client_test(clients.shacl.dev KGBUILD_NODE_EXECUTABLE
  "${KGBUILD_NODE_EXECUTABLE}" "${CLIENTS_DIR}/shacl_validate.mjs"
  "${KGBUILD_OUT_DEV}/graph.nt" "${KGBUILD_VOCAB_DIR}/shapes.ttl")

# The samples graph must have exactly the known violations listed in
# shacl_samples.expected, each an extraction error.
kgbuild_add_client_test(clients.shacl.samples KGBUILD_NODE_EXECUTABLE
  "${KGBUILD_NODE_EXECUTABLE}" "${CLIENTS_DIR}/shacl_validate.mjs"
  --expect "${CLIENTS_DIR}/shacl_samples.expected"
  "${KGBUILD_OUT_SAMPLES}/graph.nt" "${KGBUILD_VOCAB_DIR}/shapes.ttl")

# Breaks four rules in a copy of the samples graph and expects exactly those
# four validation results.
kgbuild_add_client_test(clients.shacl_broken_graph KGBUILD_NODE_EXECUTABLE
  "${KGBUILD_NODE_EXECUTABLE}" "${CLIENTS_DIR}/shacl_broken_graph.mjs"
  "${KGBUILD_OUT_SAMPLES}/graph.nt" "${KGBUILD_VOCAB_DIR}/shapes.ttl"
  "${CMAKE_CURRENT_BINARY_DIR}/shacl_broken_samples.nt")

# Each recipe QUERY.rq must print exactly QUERY.expected on the samples
# output, in the query's own ORDER BY order.
foreach(recipe
    papers_using_dataset
    results_for_metric_on_dataset
    hardware_per_model
    entities_introduced_by_post
    co_mentions_of_method)
  kgbuild_add_client_test(clients.sparql_recipe.${recipe} KGBUILD_NODE_EXECUTABLE
    "${KGBUILD_SH_EXECUTABLE}" "${CLIENTS_DIR}/compare_output.sh"
    "${CLIENTS_DIR}/queries/${recipe}.expected"
    "${KGBUILD_NODE_EXECUTABLE}" "${CLIENTS_DIR}/sparql.mjs" --ordered
    "${KGBUILD_OUT_SAMPLES}/graph.nt" "${CLIENTS_DIR}/queries/${recipe}.rq")
endforeach()
