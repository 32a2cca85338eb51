# Helpers shared by every part of the tree.

# tambo_add_test(NAME tst_foo SOURCES ... [LIBS ...] [LABELS unit|gui|integration|keychain]
#                [WRAPPER cmd...])
# One executable a tested class; CTest runs it with its labels. GUI tests run offscreen.
function(tambo_add_test)
    cmake_parse_arguments(T "" "NAME" "SOURCES;LIBS;LABELS;WRAPPER" ${ARGN})
    add_executable(${T_NAME} ${T_SOURCES})
    target_link_libraries(${T_NAME} PRIVATE Qt6::Test tambo_test_support ${T_LIBS})
    if(NOT T_LABELS)
        set(T_LABELS unit)
    endif()
    add_test(NAME ${T_NAME} COMMAND ${T_WRAPPER} $<TARGET_FILE:${T_NAME}>)
    set(_env "QT_QPA_PLATFORM=offscreen" "LC_ALL=C.UTF-8" "TAMBO_TEST=1"
             "ASAN_OPTIONS=detect_leaks=0" "QT_LOGGING_RULES=qt.qpa.*=false")
    set_tests_properties(${T_NAME} PROPERTIES LABELS "${T_LABELS}" ENVIRONMENT "${_env}"
                                              TIMEOUT 300)
endfunction()
