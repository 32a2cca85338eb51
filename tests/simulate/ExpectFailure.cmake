# Runs tambo-simulate with a bug injected on purpose: it must exit non-zero and print the
# expected summary line. -DSIMULATE=<program> -DARGS=<list> -DEXPECT=<regex>
execute_process(COMMAND "${SIMULATE}" ${ARGS}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(rc EQUAL 0)
    message(FATAL_ERROR "tambo-simulate exited 0 although a bug was injected")
endif()
if(NOT rc EQUAL 1)
    message(FATAL_ERROR "tambo-simulate exited ${rc}, not 1 (found a problem)")
endif()
if(NOT out MATCHES "${EXPECT}")
    message(FATAL_ERROR "the summary does not match: ${EXPECT}")
endif()
