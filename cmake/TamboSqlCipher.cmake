# Provides the target tambo::sqlcipher: SQLCipher >= 4 linked statically, its sqlite3_* symbols
# hidden so that nothing else in the process (Qt's QSQLITE, system libsqlite3) can bind to them.
#
# Source: TAMBO_SQLCIPHER_AMALGAMATION (folder with sqlite3.c and sqlite3.h from the pinned npm
# tarball @journeyapps/sqlcipher@6.0.0, fetched and SHA-256 checked by `tambo.sh deps`), or a
# system/vcpkg package found with pkg-config (sqlcipher >= 4).
if(TAMBO_SQLCIPHER_AMALGAMATION)
    set(_amal "${TAMBO_SQLCIPHER_AMALGAMATION}")
    if(NOT EXISTS "${_amal}/sqlite3.c" OR NOT EXISTS "${_amal}/sqlite3.h")
        message(FATAL_ERROR "TAMBO_SQLCIPHER_AMALGAMATION=${_amal} has no sqlite3.c/sqlite3.h. "
                            "Run ./tambo.sh deps")
    endif()
    add_library(tambo_sqlcipher STATIC "${_amal}/sqlite3.c")
    target_include_directories(tambo_sqlcipher SYSTEM PUBLIC "${_amal}")
    target_compile_definitions(tambo_sqlcipher
        PUBLIC SQLITE_HAS_CODEC SQLITE_ENABLE_COLUMN_METADATA
        PRIVATE SQLCIPHER_CRYPTO_OPENSSL SQLITE_EXTRA_INIT=sqlcipher_extra_init
                SQLITE_EXTRA_SHUTDOWN=sqlcipher_extra_shutdown SQLITE_TEMP_STORE=2
                SQLITE_ENABLE_FTS5 SQLITE_THREADSAFE=1 SQLITE_DEFAULT_FOREIGN_KEYS=1
                SQLITE_OMIT_LOAD_EXTENSION _GNU_SOURCE)
    # The amalgamation expects <stdint.h> before it; it is third-party code, so no warnings.
    target_compile_options(tambo_sqlcipher PRIVATE -include stdint.h -w -fvisibility=hidden)
    set_target_properties(tambo_sqlcipher PROPERTIES POSITION_INDEPENDENT_CODE ON
                                                     C_VISIBILITY_PRESET hidden)
    find_package(Threads REQUIRED)
    target_link_libraries(tambo_sqlcipher PUBLIC OpenSSL::Crypto Threads::Threads ${CMAKE_DL_LIBS})
    set(TAMBO_SQLCIPHER_SOURCE "amalgamation ${_amal}")
else()
    find_package(PkgConfig REQUIRED)
    pkg_check_modules(SQLCIPHER REQUIRED IMPORTED_TARGET sqlcipher>=4.0)
    add_library(tambo_sqlcipher INTERFACE)
    target_link_libraries(tambo_sqlcipher INTERFACE PkgConfig::SQLCIPHER)
    target_compile_definitions(tambo_sqlcipher INTERFACE SQLITE_HAS_CODEC)
    set(TAMBO_SQLCIPHER_SOURCE "system package")
endif()
add_library(tambo::sqlcipher ALIAS tambo_sqlcipher)
message(STATUS "SQLCipher: ${TAMBO_SQLCIPHER_SOURCE}")
