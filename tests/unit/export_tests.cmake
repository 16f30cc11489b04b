# The export/ unit tests, relative to tests/unit. The tests CMakeLists
# includes this file and builds them into the unit test executable.
set(KGBUILD_EXPORT_TEST_SOURCES
  export_output_test.cc
  export_iri_test.cc
  export_rdf_test.cc
  export_ntriples_test.cc
  export_triple_table_test.cc
  export_turtle_test.cc
  export_nquads_test.cc
  export_jsonld_test.cc
  export_graphml_test.cc
  export_gephi_test.cc
  export_sqlite_test.cc
  export_exporter_test.cc)
