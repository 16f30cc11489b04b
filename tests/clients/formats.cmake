# Client checks for the outputs made for Gephi and RDF stores: graph.ttl,
# graph.nq, graph.comention.graphml and graph.gexf, plus name round trips
# through every format and byte-identical output from two input folders.
# Included from tests/clients/CMakeLists.txt after kgbuild_add_client_test
# is defined.

# graphology-gexf is the one npm package only these checks import.
add_test(NAME clients.node_modules.formats
  COMMAND ${CMAKE_COMMAND}
    "-DNODE_MODULES=${CLIENTS_NODE_MODULES}"
    "-DPACKAGES=graphology-gexf"
    -P "${CLIENTS_DIR}/check_node_modules.cmake")
set_tests_properties(clients.node_modules.formats PROPERTIES
  FIXTURES_SETUP clients_node_modules
  LABELS clients)

foreach(output_set dev samples)
  if(output_set STREQUAL "dev")
    set(out "${KGBUILD_OUT_DEV}")
  else()
    set(out "${KGBUILD_OUT_SAMPLES}")
  endif()

  kgbuild_add_client_test(clients.rapper_turtle.${output_set} KGBUILD_RAPPER_EXECUTABLE
    "${KGBUILD_SH_EXECUTABLE}" "${CLIENTS_DIR}/rapper_same_triples.sh"
    "${KGBUILD_RAPPER_EXECUTABLE}" "${out}")

  kgbuild_add_client_test(clients.rapper_nquads.${output_set} KGBUILD_RAPPER_EXECUTABLE
    "${KGBUILD_RAPPER_EXECUTABLE}" -i nquads -c "${out}/graph.nq")

  kgbuild_add_client_test(clients.rdf_formats_oxigraph.${output_set} KGBUILD_NODE_EXECUTABLE
    "${KGBUILD_NODE_EXECUTABLE}" "${CLIENTS_DIR}/rdf_formats_check.mjs" "${out}")

  kgbuild_add_client_test(clients.comention_networkx.${output_set} KGBUILD_PYTHON3_EXECUTABLE
    "${KGBUILD_PYTHON3_EXECUTABLE}" "${CLIENTS_DIR}/graphml_check.py"
    "${out}/graph.comention.graphml")

  kgbuild_add_client_test(clients.comention_graphology.${output_set} KGBUILD_NODE_EXECUTABLE
    "${KGBUILD_NODE_EXECUTABLE}" "${CLIENTS_DIR}/graphml_check.mjs"
    "${out}/graph.comention.graphml")
endforeach()

kgbuild_add_client_test(clients.gexf_graphology.dev KGBUILD_NODE_EXECUTABLE
  "${KGBUILD_NODE_EXECUTABLE}" "${CLIENTS_DIR}/gexf_check.mjs" "${KGBUILD_OUT_DEV}/graph.gexf")

# Q<&>"Net first appears in the post of 2026-01-17, A100 in that of
# 2026-01-05 and again later.
kgbuild_add_client_test(clients.gexf_graphology.samples KGBUILD_NODE_EXECUTABLE
  "${KGBUILD_NODE_EXECUTABLE}" "${CLIENTS_DIR}/gexf_check.mjs" "${KGBUILD_OUT_SAMPLES}/graph.gexf"
  "https://w3id.org/kgbuild/id/model/Q%3C%26%3E%22Net=2026-01-17"
  "https://w3id.org/kgbuild/id/hardware/A100=2026-01-05")

# The names of stress_names.json, read back from every format.
kgbuild_add_client_test(clients.names_roundtrip.samples KGBUILD_NODE_EXECUTABLE
  "${KGBUILD_NODE_EXECUTABLE}" "${CLIENTS_DIR}/names_roundtrip.mjs"
  "${KGBUILD_OUT_SAMPLES}" "${CLIENTS_DIR}/stress_names.json")
kgbuild_add_client_test(clients.names_networkx.samples KGBUILD_PYTHON3_EXECUTABLE
  "${KGBUILD_PYTHON3_EXECUTABLE}" "${CLIENTS_DIR}/names_roundtrip.py"
  "${KGBUILD_OUT_SAMPLES}" "${CLIENTS_DIR}/stress_names.json")

# The same posts in two folders with different absolute paths give the same
# bytes and IRIs.
kgbuild_add_client_test(clients.same_output_two_paths KGBUILD_SQLITE3_EXECUTABLE
  "${KGBUILD_SH_EXECUTABLE}" "${CLIENTS_DIR}/same_output_two_paths.sh"
  $<TARGET_FILE:kgbuild> "${KGBUILD_SQLITE3_EXECUTABLE}"
  "${PROJECT_SOURCE_DIR}/samples/good" "${CMAKE_BINARY_DIR}/out/two_paths")
