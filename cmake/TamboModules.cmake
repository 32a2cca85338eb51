# Modules as static Qt plugins (docs/adr/0002-modules-as-static-plugins.md).
#
# A module's modules/<name>/CMakeLists.txt:
#
#     tambo_add_module(NAME patrimonio CLASS_NAME PatrimonioPlugin UI
#         SOURCES PatrimonioPlugin.h PatrimonioPlugin.cpp patrimonio.json …
#         LIBS Qt6::Charts)
#
# builds the static plugin target tambo_module_patrimonio and adds it to the global list of
# module plugins. An application then calls, once, anywhere in its CMakeLists.txt:
#
#     tambo_generate_plugin_imports(tambo)
#
# which, at the end of the configure step (when every module has been added), links the target to
# every module plugin and compiles a generated <target>_tambo_plugins.cpp holding one
# Q_IMPORT_PLUGIN(<CLASS_NAME>) a module. main() then only needs
# ModuleManager::addStaticPlugins().

include_guard(GLOBAL)

get_filename_component(_tambo_source_root "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)
set(TAMBO_SOURCE_ROOT "${_tambo_source_root}" CACHE INTERNAL "Tambo's source folder")

# tambo::module_ui: app/shell/ModuleUi.h (header only) for modules that offer pages and actions.
if(TARGET Qt6::Widgets AND NOT TARGET tambo_module_ui)
    add_library(tambo_module_ui INTERFACE)
    target_include_directories(tambo_module_ui INTERFACE "${TAMBO_SOURCE_ROOT}/app")
    target_link_libraries(tambo_module_ui INTERFACE tambo_core Qt6::Widgets)
    add_library(tambo::module_ui ALIAS tambo_module_ui)
endif()

# tambo_add_module(NAME <id> CLASS_NAME <PluginClass> SOURCES … [LIBS …] [UI]
#                  [TARGET <target>] [TEST_ONLY])
#   NAME        the module id, as in the plugin's JSON metadata
#   CLASS_NAME  the plugin class (Q_PLUGIN_METADATA); Q_IMPORT_PLUGIN(<CLASS_NAME>) imports it
#   UI          the plugin also implements tambo::ModuleUi: links Qt Widgets and tambo::module_ui
#   TARGET      target name, default tambo_module_<NAME>
#   TEST_ONLY   not added to the list the applications link (test modules under tests/)
function(tambo_add_module)
    cmake_parse_arguments(M "UI;TEST_ONLY" "NAME;CLASS_NAME;TARGET" "SOURCES;LIBS" ${ARGN})
    if(NOT M_NAME OR NOT M_CLASS_NAME OR NOT M_SOURCES)
        message(FATAL_ERROR "tambo_add_module: NAME, CLASS_NAME and SOURCES are required")
    endif()
    if(M_UNPARSED_ARGUMENTS)
        message(FATAL_ERROR "tambo_add_module(${M_NAME}): unknown arguments ${M_UNPARSED_ARGUMENTS}")
    endif()
    if(NOT M_NAME MATCHES "^[a-z][a-z0-9_]*$")
        message(FATAL_ERROR "tambo_add_module: module id '${M_NAME}' must match [a-z][a-z0-9_]*")
    endif()
    set(target "${M_TARGET}")
    if(NOT target)
        set(target "tambo_module_${M_NAME}")
    endif()

    qt_add_plugin(${target} STATIC CLASS_NAME ${M_CLASS_NAME})
    target_sources(${target} PRIVATE ${M_SOURCES})
    target_include_directories(${target} PUBLIC "${CMAKE_CURRENT_SOURCE_DIR}")
    target_link_libraries(${target} PUBLIC tambo_core ${M_LIBS})
    if(M_UI)
        if(NOT TARGET tambo::module_ui)
            message(FATAL_ERROR "tambo_add_module(${M_NAME}): UI needs Qt Widgets (TAMBO_BUILD_APP)")
        endif()
        target_link_libraries(${target} PUBLIC tambo::module_ui)
    endif()
    set_target_properties(${target} PROPERTIES TAMBO_MODULE_ID "${M_NAME}")

    if(NOT M_TEST_ONLY)
        get_property(known GLOBAL PROPERTY TAMBO_MODULE_PLUGINS)
        if(target IN_LIST known)
            message(FATAL_ERROR "tambo_add_module: ${target} added twice")
        endif()
        set_property(GLOBAL APPEND PROPERTY TAMBO_MODULE_PLUGINS ${target})
        # Mirror for the top-level CMakeLists.txt, which declares this cache entry.
        get_property(all GLOBAL PROPERTY TAMBO_MODULE_PLUGINS)
        set(TAMBO_MODULE_PLUGINS "${all}" CACHE INTERNAL "static module plugins linked into the apps")
    endif()
endfunction()

# tambo_generate_plugin_imports(<target> [PLUGINS <plugin targets>…])
# Links <target> to the module plugins and adds a generated source with their Q_IMPORT_PLUGIN
# lines. Without PLUGINS it uses every module added with tambo_add_module(), read at the end of
# the configure step so the order of add_subdirectory() calls does not matter.
function(tambo_generate_plugin_imports target)
    cmake_parse_arguments(G "" "" "PLUGINS" ${ARGN})
    if(NOT TARGET ${target})
        message(FATAL_ERROR "tambo_generate_plugin_imports: no target ${target}")
    endif()
    if(G_PLUGINS)
        _tambo_write_plugin_imports(${target} ${G_PLUGINS})
    else()
        # Runs at the end of the top-level directory, after every add_subdirectory(). Deferred
        # calls evaluate their arguments when they run: bake the target name in now.
        cmake_language(EVAL CODE "
            cmake_language(DEFER DIRECTORY \"${CMAKE_SOURCE_DIR}\"
                CALL _tambo_write_plugin_imports \"${target}\")")
    endif()
endfunction()

function(_tambo_write_plugin_imports target)
    set(plugins ${ARGN})
    if(NOT plugins)
        get_property(plugins GLOBAL PROPERTY TAMBO_MODULE_PLUGINS)
    endif()
    set(imports "")
    foreach(plugin IN LISTS plugins)
        get_target_property(class ${plugin} QT_PLUGIN_CLASS_NAME)
        if(NOT class)
            message(FATAL_ERROR "tambo_generate_plugin_imports: ${plugin} is not a Qt plugin")
        endif()
        string(APPEND imports "Q_IMPORT_PLUGIN(${class})\n")
    endforeach()
    if(NOT imports)
        set(imports "// no modules in this build\n")
    endif()
    get_target_property(binary_dir ${target} BINARY_DIR)
    set(out "${binary_dir}/${target}_tambo_plugins.cpp")
    # file(CONFIGURE) rewrites the file only when its content changes: no needless rebuilds.
    file(CONFIGURE OUTPUT "${out}" @ONLY CONTENT
"// Generated by tambo_generate_plugin_imports() (cmake/TamboModules.cmake). Do not edit.
#include <QtPlugin>

@imports@")
    target_sources(${target} PRIVATE "${out}")
    if(plugins)
        target_link_libraries(${target} PRIVATE ${plugins})
    endif()
endfunction()

# tambo_link_modules(<target> [PLUGINS …]): the short name the apps and their tests use; the same
# as tambo_generate_plugin_imports().
function(tambo_link_modules target)
    tambo_generate_plugin_imports(${target} ${ARGN})
endfunction()

# tambo_add_module_declarations(NAME <id> SOURCES … [TARGET <target>] [TEST_ONLY])
# A module's Widgets-free declarations library (permissions and synced tables, see
# core/module/ModuleDeclarations.h): it defines `tambo::<id>::moduleDeclarations()`. The module's
# plugin links it and returns the same lists; tambo-server compiles every one of them into its
# rule catalogue (tambo_generate_module_declarations), so the server and the desktop check the
# same rules. TEST_ONLY: not in the list tambo-server links (test modules under tests/).
function(tambo_add_module_declarations)
    cmake_parse_arguments(D "TEST_ONLY" "NAME;TARGET" "SOURCES" ${ARGN})
    if(NOT D_NAME OR NOT D_SOURCES)
        message(FATAL_ERROR "tambo_add_module_declarations: NAME and SOURCES are required")
    endif()
    set(target "${D_TARGET}")
    if(NOT target)
        set(target "tambo_${D_NAME}_declarations")
    endif()
    add_library(${target} STATIC ${D_SOURCES})
    target_include_directories(${target} PUBLIC "${CMAKE_CURRENT_SOURCE_DIR}")
    target_link_libraries(${target} PUBLIC tambo_core)
    if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
        # Declarations use designated initializers and leave the other members at their
        # defaults on purpose; GCC 12 warns about each of them.
        target_compile_options(${target} PRIVATE -Wall -Wextra -Wno-missing-field-initializers)
    endif()
    set_target_properties(${target} PROPERTIES TAMBO_MODULE_ID "${D_NAME}")
    if(NOT D_TEST_ONLY)
        set_property(GLOBAL APPEND PROPERTY TAMBO_MODULE_DECLARATIONS ${target})
    endif()
endfunction()

# tambo_generate_module_declarations(<target> [EXTRA <declaration targets>…])
# Links <target> to every module's declarations library (read at the end of the configure step)
# plus EXTRA ones, and adds a generated source defining
#     QList<tambo::core::ModuleDeclarations> tambo::linkedModuleDeclarations();
function(tambo_generate_module_declarations target)
    cmake_parse_arguments(G "" "" "EXTRA" ${ARGN})
    cmake_language(EVAL CODE "
        cmake_language(DEFER DIRECTORY \"${CMAKE_SOURCE_DIR}\"
            CALL _tambo_write_module_declarations \"${target}\" ${G_EXTRA})")
endfunction()

function(_tambo_write_module_declarations target)
    get_property(libs GLOBAL PROPERTY TAMBO_MODULE_DECLARATIONS)
    list(APPEND libs ${ARGN})
    set(prototypes "")
    set(calls "")
    foreach(lib IN LISTS libs)
        get_target_property(id ${lib} TAMBO_MODULE_ID)
        string(APPEND prototypes "namespace tambo::${id} { core::ModuleDeclarations moduleDeclarations(); }\n")
        string(APPEND calls "        tambo::${id}::moduleDeclarations(),\n")
    endforeach()
    get_target_property(binary_dir ${target} BINARY_DIR)
    set(out "${binary_dir}/${target}_tambo_declarations.cpp")
    file(CONFIGURE OUTPUT "${out}" @ONLY CONTENT
"// Generated by tambo_generate_module_declarations() (cmake/TamboModules.cmake). Do not edit.
#include \"module/ModuleDeclarations.h\"

@prototypes@
namespace tambo {

QList<core::ModuleDeclarations> linkedModuleDeclarations()
{
    return {
@calls@    };
}

} // namespace tambo
")
    target_sources(${target} PRIVATE "${out}")
    if(libs)
        target_link_libraries(${target} PRIVATE ${libs})
    endif()
endfunction()
