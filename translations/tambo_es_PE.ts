<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_PE">
<context>
    <name>main</name>
    <message>
        <source>Back-office of the Municipalidad Provincial de Tacna</source>
        <translation>Sistema administrativo de la Municipalidad Provincial de Tacna</translation>
    </message>
    <message>
        <source>Tambo</source>
        <translation>Tambo</translation>
    </message>
    <message>
        <source>Tambo cannot open its local store %1.

%2

Please call the OTIC office.</source>
        <translation>Tambo no puede abrir su almacén local %1.

%2

Comuníquese con la Oficina de Tecnologías de la Información (OTIC).</translation>
    </message>
    <message>
        <source>Encrypted store: %1</source>
        <translation>Almacén cifrado: %1</translation>
    </message>
    <message>
        <source>Demo data: log in as &quot;admin&quot; (or mesa, gerencia, inventariador, jefe.patrimonio, soporte, comite) with the password &quot;%1&quot;.</source>
        <translation>Datos de demostración: ingrese como «admin» (o mesa, gerencia, inventariador, jefe.patrimonio, soporte, comite) con la contraseña «%1».</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <source>Connect to the sync &amp;server…</source>
        <translation>Conectar con el &amp;servidor de sincronización…</translation>
    </message>
</context>
<context>
    <name>tambo::admin::AdminCli</name>
    <message>
        <source>Path of the encrypted store.</source>
        <translation>Ruta del almacén cifrado.</translation>
    </message>
    <message>
        <source>File with the 32-byte store key (default: the system keychain).</source>
        <translation>Archivo con la clave de 32 bytes del almacén (por defecto: el llavero del sistema).</translation>
    </message>
    <message>
        <source>tambo-admin: %1</source>
        <translation>tambo-admin: %1</translation>
    </message>
    <message>
        <source>Use &apos;tambo-admin --help&apos; to see the commands.</source>
        <translation>Use «tambo-admin --help» para ver los comandos.</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation>comando desconocido «%1»</translation>
    </message>
    <message>
        <source>tambo-admin (command line)</source>
        <translation>tambo-admin (línea de comandos)</translation>
    </message>
    <message>
        <source>Read the admin password from stdin (otherwise one is made and printed once).</source>
        <translation>Lee la contraseña del administrador de stdin (si no, se genera una y se muestra una sola vez).</translation>
    </message>
    <message>
        <source>--store is required</source>
        <translation>falta --store</translation>
    </message>
    <message>
        <source>tambo-admin: the store %1 already exists; init never overwrites a store.</source>
        <translation>tambo-admin: el almacén %1 ya existe; init nunca sobrescribe un almacén.</translation>
    </message>
    <message>
        <source>tambo-admin: the admin password must have at least 8 characters.</source>
        <translation>tambo-admin: la contraseña del administrador debe tener al menos 8 caracteres.</translation>
    </message>
    <message>
        <source>OTIC administrator</source>
        <translation>Administrador OTIC</translation>
    </message>
    <message>
        <source>Demo store ready: %1</source>
        <translation>Almacén de demostración listo: %1</translation>
    </message>
    <message>
        <source>Demo users (password %1): %2</source>
        <translation>Usuarios de demostración (contraseña %1): %2</translation>
    </message>
    <message>
        <source>Store created: %1</source>
        <translation>Almacén creado: %1</translation>
    </message>
    <message>
        <source>User &apos;admin&apos; created with password: %1 (shown only once)</source>
        <translation>Usuario «admin» creado con la contraseña: %1 (se muestra una sola vez)</translation>
    </message>
    <message>
        <source>User name.</source>
        <translation>Nombre de usuario.</translation>
    </message>
    <message>
        <source>Full name.</source>
        <translation>Nombre completo.</translation>
    </message>
    <message>
        <source>Role id: %1.</source>
        <translation>Identificador del rol: %1.</translation>
    </message>
    <message>
        <source>Sede id.</source>
        <translation>Identificador de la sede.</translation>
    </message>
    <message>
        <source>user needs one of: add, list, lock, unlock</source>
        <translation>user necesita uno de: add, list, lock, unlock</translation>
    </message>
    <message>
        <source>--username is required</source>
        <translation>falta --username</translation>
    </message>
    <message>
        <source>user add needs --name and --role</source>
        <translation>user add necesita --name y --role</translation>
    </message>
    <message>
        <source>user add reads the new password from stdin; none was given</source>
        <translation>user add lee la nueva contraseña de stdin; no se recibió ninguna</translation>
    </message>
    <message>
        <source>user	role	sede	state	name</source>
        <translation>usuario	rol	sede	estado	nombre</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>deshabilitado</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>bloqueado</translation>
    </message>
    <message>
        <source>active</source>
        <translation>activo</translation>
    </message>
    <message>
        <source>User %1 added.</source>
        <translation>Usuario %1 agregado.</translation>
    </message>
    <message>
        <source>User %1 locked.</source>
        <translation>Usuario %1 bloqueado.</translation>
    </message>
    <message>
        <source>User %1 unlocked.</source>
        <translation>Usuario %1 desbloqueado.</translation>
    </message>
    <message>
        <source>audit needs: verify</source>
        <translation>audit necesita: verify</translation>
    </message>
    <message numerus="yes">
        <source>Audit chain verified: %n row(s), no alteration found.</source>
        <translation>
            <numerusform>Cadena de auditoría verificada: %n fila, sin alteraciones.</numerusform>
            <numerusform>Cadena de auditoría verificada: %n filas, sin alteraciones.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: version %2</source>
        <translation>%1: versión %2</translation>
    </message>
    <message>
        <source>(not available)</source>
        <translation>(no disponible)</translation>
    </message>
    <message>
        <source>Module commands (all take --store PATH [--key-file F]):</source>
        <translation>Comandos de los módulos (todos llevan --store RUTA [--key-file F]):</translation>
    </message>
    <message>
        <source>%1 needs one of: %2</source>
        <translation>%1 necesita uno de: %2</translation>
    </message>
    <message>
        <source>tambo-admin: the module %1 is not available in this store.</source>
        <translation>tambo-admin: el módulo %1 no está disponible en este almacén.</translation>
    </message>
    <message>
        <source>tambo-admin: the module %1 has no command %2.</source>
        <translation>tambo-admin: el módulo %1 no tiene el comando %2.</translation>
    </message>
    <message>
        <source>bundle needs one of: export, import, trust, trust-user, device-key</source>
        <translation>bundle necesita uno de: export, import, trust, trust-user, device-key</translation>
    </message>
    <message>
        <source>Folder for the bundle (export).</source>
        <translation>Carpeta para el paquete (export).</translation>
    </message>
    <message>
        <source>User the bundle is made for (export).</source>
        <translation>Usuario para el que se genera el paquete (export).</translation>
    </message>
    <message>
        <source>Sede whose data to receive (export; default: all the user may see).</source>
        <translation>Sede cuyos datos se recibirán (export; por defecto: todo lo que el usuario puede ver).</translation>
    </message>
    <message>
        <source>The line printed by &apos;tambo-server bundle key&apos; (trust).</source>
        <translation>La línea que imprime «tambo-server bundle key» (trust).</translation>
    </message>
    <message>
        <source>The line printed by &apos;tambo-server bundle user-key&apos; (trust-user).</source>
        <translation>La línea que imprime «tambo-server bundle user-key» (trust-user).</translation>
    </message>
    <message>
        <source>bundle export needs --to DIR and --user U</source>
        <translation>bundle export necesita --to CARPETA y --user U</translation>
    </message>
    <message>
        <source>bundle import needs one bundle file</source>
        <translation>bundle import necesita un archivo de paquete</translation>
    </message>
    <message>
        <source>--server-key must be the line &apos;tambo-server bundle key&apos; prints</source>
        <translation>--server-key debe ser la línea que imprime «tambo-server bundle key»</translation>
    </message>
    <message>
        <source>--user-key must be the line &apos;tambo-server bundle user-key&apos; prints</source>
        <translation>--user-key debe ser la línea que imprime «tambo-server bundle user-key»</translation>
    </message>
    <message>
        <source>bundle export reads the server password of the user from stdin; none was given</source>
        <translation>bundle export lee de stdin la contraseña del servidor del usuario; no se recibió ninguna</translation>
    </message>
    <message>
        <source>The server&apos;s bundle key is now trusted on this PC.</source>
        <translation>La clave de paquetes del servidor central quedó registrada como confiable en este equipo.</translation>
    </message>
    <message>
        <source>This PC can now sign bundles for %1 (with that user&apos;s server password).</source>
        <translation>Este equipo ya puede firmar paquetes de %1 (con la contraseña del servidor de ese usuario).</translation>
    </message>
    <message>
        <source>Sync server whose copy of this PC&apos;s audit anchors to compare with.</source>
        <translation>Servidor de sincronización con cuya copia de las anclas de auditoría de este equipo se compara.</translation>
    </message>
    <message>
        <source>User to log in to the server as (password read from stdin).</source>
        <translation>Usuario con el que se inicia sesión en el servidor (la contraseña se lee de stdin).</translation>
    </message>
    <message>
        <source>CA certificate (PEM) to trust for the server (default: the system&apos;s).</source>
        <translation>Certificado de la CA (PEM) en que confiar para el servidor (por defecto: los del sistema).</translation>
    </message>
    <message>
        <source>audit verify --server needs --user (the password is read from stdin)</source>
        <translation>audit verify --server necesita --user (la contraseña se lee de stdin)</translation>
    </message>
    <message>
        <source>audit verify --server reads the user&apos;s password from stdin; none was given</source>
        <translation>audit verify --server lee la contraseña del usuario de stdin; no se recibió ninguna</translation>
    </message>
    <message>
        <source>tambo-admin: the server&apos;s audit anchors cannot be read: %1</source>
        <translation>tambo-admin: no se pueden leer las anclas de auditoría del servidor: %1</translation>
    </message>
    <message numerus="yes">
        <source>the audit anchors the server %1 holds for this PC (%n anchor(s))</source>
        <translation>
            <numerusform>las anclas de auditoría que el servidor %1 guarda de este equipo (%n ancla)</numerusform>
            <numerusform>las anclas de auditoría que el servidor %1 guarda de este equipo (%n anclas)</numerusform>
        </translation>
    </message>
    <message>
        <source>the last anchor the server acknowledged, as stored on this PC (row %1, %2 on %3); it is kept in this same database, so whoever holds the store key can change it too: use --server to compare with the server&apos;s copy</source>
        <translation>la última ancla que el servidor confirmó, tal como está guardada en este equipo (fila %1, %2 el %3); se guarda en esta misma base de datos, así que quien tenga la clave del almacén también puede cambiarla: use --server para comparar con la copia del servidor</translation>
    </message>
    <message>
        <source>by USB bundle</source>
        <translation>por paquete USB</translation>
    </message>
    <message>
        <source>over the network</source>
        <translation>por la red</translation>
    </message>
    <message>
        <source>No audit anchor to compare with: only the chain on this PC was checked (use --server to compare with the server&apos;s copy).</source>
        <translation>No hay ancla de auditoría con que comparar: solo se verificó la cadena de este equipo (use --server para comparar con la copia del servidor).</translation>
    </message>
    <message>
        <source>Compared with %1.</source>
        <translation>Se comparó con %1.</translation>
    </message>
    <message>
        <source>Anchors: %1 Compared with %2.</source>
        <translation>Anclas: %1 Se comparó con %2.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a server address (https://host:port).</source>
        <translation>«%1» no es una dirección de servidor (https://equipo:puerto).</translation>
    </message>
    <message>
        <source>this PC has no device key: it never connected to a server.</source>
        <translation>este equipo no tiene clave de dispositivo: nunca se conectó a un servidor.</translation>
    </message>
    <message>
        <source>the server&apos;s answer is not a list of anchors.</source>
        <translation>la respuesta del servidor no es una lista de anclas.</translation>
    </message>
    <message>
        <source>Usage: tambo-admin COMMAND [options]

Commands:
  init --store PATH [--key-file F]     create an empty store and its admin
  demo --store PATH [--key-file F]     create or fill a demo store
  user add --store S --username U --name N --role R [--sede ID]
                                       add a user; password read from stdin
  user list --store S                  list users
  user lock|unlock --store S --username U
  audit verify --store S [--server URL --user U [--ca F]]
                                       check the audit log&apos;s hash chain and
                                       the server&apos;s anchors of it (password
                                       from stdin)
  migrate --store S                    apply pending migrations
  bundle export --store S --user U --to DIR [--sede ID]
                                       write a sync bundle for the server,
                                       signed with U&apos;s server password
                                       (read from stdin)
  bundle import --store S FILE         apply the server&apos;s reply bundle
  bundle trust --store S --server-key &apos;ID HEX&apos;
                                       pin the server&apos;s bundle key
  bundle trust-user --store S --user-key &apos;LINE&apos;
                                       keep a user&apos;s bundle key data (the
                                       line of &apos;tambo-server bundle user-key&apos;)
  bundle device-key --store S          print this PC&apos;s device id and key
  sync reenroll --store S              make this store a new sync device
                                       (after seq_reused; Tambo closed)
  version                              print versions

Without --key-file the key comes from the system keychain.
Exit codes: 0 success, 1 runtime error, 2 usage error,
            3 the audit chain does not verify,
            4 sync bundle refused (damaged, truncated, forged or for
              another PC; nothing was changed).
</source>
        <translation>Uso: tambo-admin COMANDO [opciones]

Comandos:
  init --store RUTA [--key-file A]     crea un almacén vacío y su administrador
  demo --store RUTA [--key-file A]     crea o completa un almacén de demostración
  user add --store S --username U --name N --role R [--sede ID]
                                       agrega un usuario; la contraseña se lee de stdin
  user list --store S                  lista los usuarios
  user lock|unlock --store S --username U
  audit verify --store S [--server URL --user U [--ca A]]
                                       verifica la cadena de hashes del registro de auditoría
                                       y las anclas que el servidor guarda de ella (contraseña
                                       de stdin)
  migrate --store S                    aplica las migraciones pendientes
  bundle export --store S --user U --to CARPETA [--sede ID]
                                       genera un paquete de sincronización para el servidor,
                                       firmado con la contraseña del servidor de U
                                       (leída de stdin)
  bundle import --store S ARCHIVO      aplica el paquete de respuesta del servidor
  bundle trust --store S --server-key &apos;ID HEX&apos;
                                       registra la clave de paquetes del servidor
  bundle trust-user --store S --user-key &apos;LÍNEA&apos;
                                       guarda los datos de la clave de paquetes de un usuario
                                       (la línea de &apos;tambo-server bundle user-key&apos;)
  bundle device-key --store S          muestra el identificador y la clave de este equipo
  sync reenroll --store S              convierte este almacén en un equipo de sincronización nuevo
                                       (tras seq_reused; con Tambo cerrado)
  version                              muestra las versiones

Sin --key-file la clave se toma del llavero del sistema.
Códigos de salida: 0 éxito, 1 error de ejecución, 2 error de uso,
                   3 la cadena de auditoría no se verifica,
                   4 paquete de sincronización rechazado (dañado, incompleto, alterado
                     o de otro equipo; no se cambió nada).
</translation>
    </message>
    <message>
        <source>sync needs: reenroll</source>
        <translation>sync necesita: reenroll</translation>
    </message>
    <message>
        <source>This store is now sync device %1 (it was %2).</source>
        <translation>Este almacén es ahora el equipo de sincronización %1 (era %2).</translation>
    </message>
    <message numerus="yes">
        <source>%n pending change(s) will be sent as the new device&apos;s.</source>
        <translation>
            <numerusform>%n cambio pendiente se enviará como del equipo nuevo.</numerusform>
            <numerusform>%n cambios pendientes se enviarán como del equipo nuevo.</numerusform>
        </translation>
    </message>
    <message>
        <source>Open Tambo and connect to the sync server again (File → Connect to the sync server…). For USB bundles, give OTIC this device key: %1 %2</source>
        <translation>Abra Tambo y conéctelo de nuevo con el servidor de sincronización (Archivo → Conectar con el servidor de sincronización…). Para los paquetes USB, entregue a la OTIC esta clave del equipo: %1 %2</translation>
    </message>
</context>
<context>
    <name>tambo::core::AppSettings</name>
    <message>
        <source>The settings file %1 cannot be written.</source>
        <translation>No se puede escribir el archivo de ajustes %1.</translation>
    </message>
    <message>
        <source>The settings file %1 is damaged.</source>
        <translation>El archivo de ajustes %1 está dañado.</translation>
    </message>
</context>
<context>
    <name>tambo::core::AuditAnchorCheck</name>
    <message>
        <source>Cannot read the audit log: %1</source>
        <translation>No se puede leer el registro de auditoría: %1</translation>
    </message>
    <message>
        <source>The server holds an anchor of audit row %1, but this PC&apos;s log ends at row %2: rows from %3 on were deleted.</source>
        <translation>El servidor guarda un ancla de la fila de auditoría %1, pero el registro de este equipo termina en la fila %2: se borraron las filas desde la %3.</translation>
    </message>
    <message>
        <source>Audit row %1, anchored on the server, was deleted.</source>
        <translation>La fila de auditoría %1, anclada en el servidor, fue borrada.</translation>
    </message>
    <message>
        <source>Audit row %1 was rewritten: it does not match the anchor this PC signed and the server recorded (the chain was recomputed after it).</source>
        <translation>La fila de auditoría %1 fue reescrita: no coincide con el ancla que este equipo firmó y el servidor guardó (la cadena se recalculó después).</translation>
    </message>
    <message>
        <source>Audit row %1 does not match the anchor this PC signed and the server recorded: the chain was rewritten from a row between %2 and %1 on.</source>
        <translation>La fila de auditoría %1 no coincide con el ancla que este equipo firmó y el servidor guardó: la cadena fue reescrita a partir de alguna fila entre la %2 y la %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n anchor(s) match the audit log.</source>
        <translation>
            <numerusform>%n ancla coincide con el registro de auditoría.</numerusform>
            <numerusform>%n anclas coinciden con el registro de auditoría.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tambo::core::AuditLog</name>
    <message>
        <source>An audit entry needs an actor, an entity and an action.</source>
        <translation>Un registro de auditoría necesita un actor, una entidad y una acción.</translation>
    </message>
    <message>
        <source>The audit log has no device id.</source>
        <translation>El registro de auditoría no tiene identificador de equipo.</translation>
    </message>
    <message>
        <source>Cannot write to the audit log: %1</source>
        <translation>No se pudo escribir en el registro de auditoría: %1</translation>
    </message>
    <message>
        <source>Cannot read the audit log: %1</source>
        <translation>No se pudo leer el registro de auditoría: %1</translation>
    </message>
    <message>
        <source>Cannot write audit row %1 (run an audit verification): %2</source>
        <translation>No se pudo escribir la fila de auditoría %1 (ejecute una verificación de auditoría): %2</translation>
    </message>
    <message>
        <source>Audit row(s) before %1 were deleted (rows %2 to %3 are missing).</source>
        <translation>Se eliminaron filas de auditoría anteriores a la %1 (faltan las filas %2 a %3).</translation>
    </message>
    <message>
        <source>Audit row %1 is out of order: it belongs at the beginning.</source>
        <translation>La fila de auditoría %1 está fuera de orden: corresponde al inicio.</translation>
    </message>
    <message>
        <source>Audit row %1 is out of order: it belongs after row %2.</source>
        <translation>La fila de auditoría %1 está fuera de orden: corresponde después de la fila %2.</translation>
    </message>
    <message>
        <source>Audit row %1 does not follow row %2: row %2 was replaced or rows between them were deleted.</source>
        <translation>La fila de auditoría %1 no sigue a la fila %2: la fila %2 fue reemplazada o se eliminaron filas entre ambas.</translation>
    </message>
    <message>
        <source>Audit row %1 was edited.</source>
        <translation>La fila de auditoría %1 fue modificada.</translation>
    </message>
    <message>
        <source>The head of the audit log is missing: the log was tampered with.</source>
        <translation>Falta la cabecera del registro de auditoría: el registro fue manipulado.</translation>
    </message>
    <message>
        <source>Every audit row was deleted (the log had %1 rows).</source>
        <translation>Se eliminaron todas las filas de auditoría (el registro tenía %1 filas).</translation>
    </message>
    <message>
        <source>Audit row(s) after %1 were deleted (rows %2 to %3 are missing).</source>
        <translation>Se eliminaron filas de auditoría posteriores a la %1 (faltan las filas %2 a %3).</translation>
    </message>
    <message>
        <source>Audit row %1 was added outside the audit log.</source>
        <translation>La fila de auditoría %1 se agregó por fuera del registro de auditoría.</translation>
    </message>
    <message>
        <source>The audit log is intact (%1 rows checked).</source>
        <translation>El registro de auditoría está íntegro (%1 filas verificadas).</translation>
    </message>
    <message>
        <source>Audit row %1 does not match the head of the log: it was replaced or rows after it were deleted.</source>
        <translation>La fila de auditoría %1 no coincide con la cabecera del registro: fue reemplazada o se eliminaron filas posteriores.</translation>
    </message>
    <message>
        <source>Permission denied: reading the audit log needs the audit permission.</source>
        <translation>Permiso denegado: para consultar el registro de auditoría se necesita el permiso de auditoría.</translation>
    </message>
</context>
<context>
    <name>tambo::core::AuthService</name>
    <message>
        <source>This account is locked after too many failed attempts. Try again after %1.</source>
        <translation>Esta cuenta está bloqueada por demasiados intentos fallidos. Vuelva a intentarlo después de las %1.</translation>
    </message>
    <message>
        <source>Wrong username or password.</source>
        <translation>Usuario o contraseña incorrectos.</translation>
    </message>
    <message>
        <source>Cannot log in: %1</source>
        <translation>No se pudo iniciar sesión: %1</translation>
    </message>
    <message>
        <source>This account has been locked by an administrator. Ask the OTIC office to unlock it.</source>
        <translation>Un administrador bloqueó esta cuenta. Solicite a la OTIC que la desbloquee.</translation>
    </message>
    <message>
        <source>Cannot read the users: %1</source>
        <translation>No se pudo leer los usuarios: %1</translation>
    </message>
    <message>
        <source>User %1 is locked.</source>
        <translation>El usuario %1 está bloqueado.</translation>
    </message>
    <message>
        <source>There is no user %1.</source>
        <translation>No existe el usuario %1.</translation>
    </message>
</context>
<context>
    <name>tambo::core::BarcodeRenderer</name>
    <message>
        <source>There is nothing to encode in the barcode.</source>
        <translation>No hay nada que codificar en el código de barras.</translation>
    </message>
    <message>
        <source>Code 128 can only hold printable ASCII characters; &apos;%1&apos; has others.</source>
        <translation>Code 128 solo admite caracteres ASCII imprimibles; «%1» tiene otros.</translation>
    </message>
    <message>
        <source>Out of memory while making a barcode.</source>
        <translation>Memoria insuficiente al generar un código de barras.</translation>
    </message>
    <message>
        <source>The barcode for &apos;%1&apos; could not be made (zint: %2).</source>
        <translation>No se pudo generar el código de barras de «%1» (zint: %2).</translation>
    </message>
    <message>
        <source>The barcode for &apos;%1&apos; came out empty.</source>
        <translation>El código de barras de «%1» salió vacío.</translation>
    </message>
</context>
<context>
    <name>tambo::core::BundleFile</name>
    <message>
        <source>The file is not a Tambo sync bundle.</source>
        <translation>El archivo no es un paquete de sincronización de Tambo.</translation>
    </message>
    <message>
        <source>The bundle uses format version %1, which this version of Tambo does not know. Update Tambo and import it again; nothing was changed.</source>
        <translation>El paquete usa la versión de formato %1, que esta versión de Tambo no conoce. Actualice Tambo e impórtelo de nuevo; no se cambió nada.</translation>
    </message>
    <message>
        <source>The bundle is incomplete (the file was cut or damaged while copying). Copy it again from the USB drive; nothing was changed.</source>
        <translation>El paquete está incompleto (el archivo se cortó o dañó al copiarlo). Cópielo de nuevo desde la memoria USB; no se cambió nada.</translation>
    </message>
    <message>
        <source>This bundle was made by a PC for the central server; it must be imported on the server. Nothing was changed.</source>
        <translation>Este paquete fue generado por un equipo para el servidor central; debe importarse en el servidor. No se cambió nada.</translation>
    </message>
    <message>
        <source>This bundle was made by the central server for a PC; it must be imported on that PC. Nothing was changed.</source>
        <translation>Este paquete fue generado por el servidor central para un equipo; debe importarse en ese equipo. No se cambió nada.</translation>
    </message>
    <message>
        <source>This bundle is for another computer (%1). Nothing was changed.</source>
        <translation>Este paquete es para otro equipo (%1). No se cambió nada.</translation>
    </message>
    <message>
        <source>The bundle was not signed by a known sender (device or server key %1…). Nothing was changed.</source>
        <translation>El paquete no fue firmado por un remitente conocido (clave de equipo o de servidor %1…). No se cambió nada.</translation>
    </message>
    <message>
        <source>The bundle cannot be decrypted: it was damaged or encrypted for another key. Nothing was changed.</source>
        <translation>No se puede descifrar el paquete: está dañado o fue cifrado para otra clave. No se cambió nada.</translation>
    </message>
    <message>
        <source>The bundle&apos;s signature is not valid: it was altered after it was made. Nothing was changed.</source>
        <translation>La firma del paquete no es válida: fue alterado después de generarse. No se cambió nada.</translation>
    </message>
    <message>
        <source>The bundle cannot be checked (cryptographic library or keys unavailable). Nothing was changed.</source>
        <translation>No se puede verificar el paquete (biblioteca criptográfica o claves no disponibles). No se cambió nada.</translation>
    </message>
</context>
<context>
    <name>tambo::core::BundleService</name>
    <message>
        <source>This computer has no device id; it cannot make sync bundles.</source>
        <translation>Este equipo no tiene identificador de dispositivo; no puede generar paquetes de sincronización.</translation>
    </message>
    <message>
        <source>A user is needed to make a sync bundle.</source>
        <translation>Se necesita un usuario para generar un paquete de sincronización.</translation>
    </message>
    <message>
        <source>This computer does not have the bundle signing data of %1 yet. Connect to the sync server once with that account from this computer, or ask OTIC to register it (tambo-admin bundle trust-user).</source>
        <translation>Este equipo aún no tiene los datos de firma de paquetes de %1. Conéctese una vez al servidor de sincronización con esa cuenta desde este equipo, o solicite a la OTIC que los registre (tambo-admin bundle trust-user).</translation>
    </message>
    <message>
        <source>Enter the server password of %1 to sign the bundle.</source>
        <translation>Ingrese la contraseña del servidor de %1 para firmar el paquete.</translation>
    </message>
    <message>
        <source>The password is not the server password of %1 (or it changed on the server: then connect to the sync server once, or ask OTIC). No bundle was written.</source>
        <translation>La contraseña no es la contraseña del servidor de %1 (o cambió en el servidor: en ese caso conéctese una vez al servidor de sincronización, o consulte con la OTIC). No se escribió ningún paquete.</translation>
    </message>
    <message>
        <source>The bundle cannot be signed: the user&apos;s key is missing.</source>
        <translation>No se puede firmar el paquete: falta la clave del usuario.</translation>
    </message>
    <message>
        <source>This computer does not have the central server&apos;s bundle key yet. Ask OTIC to register it (tambo-admin bundle trust).</source>
        <translation>Este equipo aún no tiene la clave de paquetes del servidor central. Solicite a la OTIC que la registre (tambo-admin bundle trust).</translation>
    </message>
    <message>
        <source>The device key cannot be read: %1</source>
        <translation>No se puede leer la clave del equipo: %1</translation>
    </message>
    <message>
        <source>The pending changes cannot be read: %1</source>
        <translation>No se pueden leer los cambios pendientes: %1</translation>
    </message>
    <message>
        <source>The export number cannot be stored: %1</source>
        <translation>No se puede guardar el número de exportación: %1</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>La carpeta %1 no existe.</translation>
    </message>
    <message>
        <source>The bundle cannot be written to %1: %2</source>
        <translation>No se puede escribir el paquete en %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Bundle %1 saved with %n pending change(s).</source>
        <translation>
            <numerusform>Paquete %1 guardado con %n cambio pendiente.</numerusform>
            <numerusform>Paquete %1 guardado con %n cambios pendientes.</numerusform>
        </translation>
    </message>
    <message>
        <source>The file %1 cannot be read: %2</source>
        <translation>No se puede leer el archivo %1: %2</translation>
    </message>
    <message>
        <source>This computer does not have the central server&apos;s bundle key yet. Ask OTIC to register it (tambo-admin bundle trust). Nothing was changed.</source>
        <translation>Este equipo aún no tiene la clave de paquetes del servidor central. Solicite a la OTIC que la registre (tambo-admin bundle trust). No se cambió nada.</translation>
    </message>
    <message>
        <source>The bundle&apos;s content is not valid (%1). Nothing was changed.</source>
        <translation>El contenido del paquete no es válido (%1). No se cambió nada.</translation>
    </message>
    <message>
        <source>A page of the bundle fails its checksum. Nothing was changed.</source>
        <translation>Una página del paquete no coincide con su suma de verificación. No se cambió nada.</translation>
    </message>
    <message>
        <source>This bundle was already imported on %1; nothing new was applied.</source>
        <translation>Este paquete ya fue importado el %1; no se aplicó nada nuevo.</translation>
    </message>
    <message>
        <source>This bundle is older than the last one imported (export %1, last imported %2); nothing new was applied.</source>
        <translation>Este paquete es anterior al último importado (exportación %1; última importada: %2); no se aplicó nada nuevo.</translation>
    </message>
    <message>
        <source>The acknowledgements cannot be recorded: %1</source>
        <translation>No se pueden registrar las confirmaciones del servidor: %1</translation>
    </message>
    <message>
        <source>Part of the data of this bundle starts after what this computer has; export a new bundle to receive it.</source>
        <translation>Parte de los datos de este paquete empieza después de lo que tiene este equipo; exporte un paquete nuevo para recibirla.</translation>
    </message>
    <message>
        <source>The bundle&apos;s data cannot be applied: %1</source>
        <translation>No se pueden aplicar los datos del paquete: %1</translation>
    </message>
    <message>
        <source>The import cannot be recorded: %1</source>
        <translation>No se puede registrar la importación: %1</translation>
    </message>
    <message numerus="yes">
        <source>Bundle imported: %n change(s) acknowledged by the server</source>
        <translation>
            <numerusform>Paquete importado: %n cambio confirmado por el servidor</numerusform>
            <numerusform>Paquete importado: %n cambios confirmados por el servidor</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) received</source>
        <translation>
            <numerusform>%n fila recibida</numerusform>
            <numerusform>%n filas recibidas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rejected</source>
        <translation>
            <numerusform>%n rechazado</numerusform>
            <numerusform>%n rechazados</numerusform>
        </translation>
    </message>
    <message>
        <source>The audit log cannot be read: %1</source>
        <translation>No se puede leer el registro de auditoría: %1</translation>
    </message>
    <message>
        <source>The server refused this computer&apos;s audit anchor: its audit log no longer matches what it signed before. Tell OTIC.</source>
        <translation>El servidor rechazó el ancla de auditoría de este equipo: su registro de auditoría ya no coincide con lo que firmó antes. Avise a la OTIC.</translation>
    </message>
    <message>
        <source>Tell OTIC.</source>
        <translation>Avise a la OTIC.</translation>
    </message>
</context>
<context>
    <name>tambo::core::UserBundleKey</name>
    <message>
        <source>The bundle key parameters are not valid.</source>
        <translation>Los parámetros de la clave de paquetes no son válidos.</translation>
    </message>
    <message>
        <source>The cryptographic library (libsodium) could not be initialised.</source>
        <translation>No se pudo inicializar la biblioteca criptográfica (libsodium).</translation>
    </message>
    <message>
        <source>The bundle key could not be derived from the password (out of memory?).</source>
        <translation>No se pudo derivar la clave de paquetes de la contraseña (¿falta memoria?).</translation>
    </message>
</context>
<context>
    <name>tambo::core::CoreSchema</name>
    <message>
        <source>sedes, areas, device and settings</source>
        <translation>sedes, áreas, equipo y ajustes</translation>
    </message>
    <message>
        <source>roles, permissions and users</source>
        <translation>roles, permisos y usuarios</translation>
    </message>
    <message>
        <source>tamper-evident audit log</source>
        <translation>registro de auditoría a prueba de manipulación</translation>
    </message>
</context>
<context>
    <name>tambo::core::DemoData</name>
    <message>
        <source>Cannot read the demo data %1: %2</source>
        <translation>No se pudo leer los datos de demostración %1: %2</translation>
    </message>
    <message>
        <source>%1, line %2: expected %3 fields, found %4.</source>
        <translation>%1, línea %2: se esperaban %3 campos y se encontraron %4.</translation>
    </message>
    <message>
        <source>Cannot read the roles: %1</source>
        <translation>No se pudo leer los roles: %1</translation>
    </message>
    <message>
        <source>Cannot read the sedes: %1</source>
        <translation>No se pudo leer las sedes: %1</translation>
    </message>
    <message>
        <source>Cannot create sede %1: %2</source>
        <translation>No se pudo crear la sede %1: %2</translation>
    </message>
    <message>
        <source>Cannot read the areas: %1</source>
        <translation>No se pudo leer las áreas: %1</translation>
    </message>
    <message>
        <source>Cannot create area %1: %2</source>
        <translation>No se pudo crear el área %1: %2</translation>
    </message>
    <message>
        <source>Cannot read the users: %1</source>
        <translation>No se pudo leer los usuarios: %1</translation>
    </message>
</context>
<context>
    <name>tambo::core::KeyFileKeyProvider</name>
    <message>
        <source>key file %1</source>
        <translation>archivo de clave %1</translation>
    </message>
    <message>
        <source>The key file %1 does not exist.</source>
        <translation>El archivo de clave %1 no existe.</translation>
    </message>
    <message>
        <source>The key file %1 is a folder.</source>
        <translation>El archivo de clave %1 es una carpeta.</translation>
    </message>
    <message>
        <source>The key file %1 could not be read: %2</source>
        <translation>No se pudo leer el archivo de clave %1: %2</translation>
    </message>
    <message>
        <source>The key file %1 is not a Tambo key file: it must hold exactly 32 bytes, it holds %2.</source>
        <translation>El archivo %1 no es un archivo de clave de Tambo: debe contener exactamente 32 bytes y contiene %2.</translation>
    </message>
    <message>
        <source>The folder %1 for the key file could not be created.</source>
        <translation>No se pudo crear la carpeta %1 para el archivo de clave.</translation>
    </message>
    <message>
        <source>The key file %1 could not be created: %2</source>
        <translation>No se pudo crear el archivo de clave %1: %2</translation>
    </message>
    <message>
        <source>The key file %1 could not be written: %2</source>
        <translation>No se pudo escribir el archivo de clave %1: %2</translation>
    </message>
</context>
<context>
    <name>tambo::core::KeychainKeyProvider</name>
    <message>
        <source>the system keychain</source>
        <translation>el llavero del sistema</translation>
    </message>
    <message>
        <source>The system keychain could not be used: %1. On Linux a Secret Service (GNOME Keyring or KWallet) must be running and unlocked; tambo-admin can use --key-file instead.</source>
        <translation>No se pudo usar el llavero del sistema: %1. En Linux debe estar en ejecución y desbloqueado un Secret Service (GNOME Keyring o KWallet); tambo-admin puede usar --key-file en su lugar.</translation>
    </message>
    <message>
        <source>it did not answer within %1 seconds</source>
        <translation>no respondió en %1 segundos</translation>
    </message>
    <message numerus="yes">
        <source>The keychain entry for the store “%1” is not a Tambo key (it holds %n byte(s), a key has 32).</source>
        <translation>
            <numerusform>La entrada del llavero para el almacén «%1» no es una clave de Tambo (contiene %n byte; una clave tiene 32).</numerusform>
            <numerusform>La entrada del llavero para el almacén «%1» no es una clave de Tambo (contiene %n bytes; una clave tiene 32).</numerusform>
        </translation>
    </message>
    <message>
        <source>The system keychain holds no key for the store “%1”.</source>
        <translation>El llavero del sistema no tiene una clave para el almacén «%1».</translation>
    </message>
    <message>
        <source>The new key of the store “%1” could not be saved in the system keychain: %2</source>
        <translation>No se pudo guardar en el llavero del sistema la nueva clave del almacén «%1»: %2</translation>
    </message>
    <message>
        <source>The new key of the store “%1” was not found in the system keychain after saving it: %2</source>
        <translation>La nueva clave del almacén «%1» no se encontró en el llavero del sistema después de guardarla: %2</translation>
    </message>
</context>
<context>
    <name>tambo::core::KeychainSecretStore</name>
    <message>
        <source>The system keychain could not be used: %1</source>
        <translation>No se pudo usar el llavero del sistema: %1</translation>
    </message>
    <message>
        <source>it did not answer within %1 seconds</source>
        <translation>no respondió en %1 segundos</translation>
    </message>
</context>
<context>
    <name>tambo::core::LocalWorkspace</name>
    <message>
        <source>The demo store %1 exists but the system keychain that holds its key does not answer. Start the keychain (GNOME Keyring / KWallet) and try again.</source>
        <translation>El almacén de demostración %1 existe, pero el llavero del sistema que guarda su clave no responde. Inicie el llavero (GNOME Keyring / KWallet) e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The system keychain does not answer, and the key of the store %1 is kept there. Start the keychain (GNOME Keyring / KWallet, or the Windows Credential Manager) and try again.</source>
        <translation>El llavero del sistema no responde y allí se guarda la clave del almacén %1. Inicie el llavero (GNOME Keyring / KWallet, o el Administrador de credenciales de Windows) e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>There is no system keychain: the key of the demo store is in the file %1. Use this store for demonstrations only.</source>
        <translation>No hay llavero del sistema: la clave del almacén de demostración está en el archivo %1. Use este almacén solo para demostraciones.</translation>
    </message>
    <message>
        <source>The demo data could not be written: %1</source>
        <translation>No se pudo registrar los datos de demostración: %1</translation>
    </message>
</context>
<context>
    <name>tambo::core::MemoryKeyProvider</name>
    <message>
        <source>No key is known for the store “%1”.</source>
        <translation>No se conoce ninguna clave para el almacén «%1».</translation>
    </message>
    <message>
        <source>keys in memory (tests only)</source>
        <translation>claves en memoria (solo para pruebas)</translation>
    </message>
</context>
<context>
    <name>tambo::core::MigrationRunner</name>
    <message>
        <source>Cannot read the schema version of module %1: %2</source>
        <translation>No se pudo leer la versión del esquema del módulo %1: %2</translation>
    </message>
    <message>
        <source>Cannot migrate: the database is not open.</source>
        <translation>No se puede migrar: la base de datos no está abierta.</translation>
    </message>
    <message>
        <source>A module without an id declares migration steps.</source>
        <translation>Un módulo sin identificador declara pasos de migración.</translation>
    </message>
    <message>
        <source>Module %1 declares its migration steps twice.</source>
        <translation>El módulo %1 declara sus pasos de migración dos veces.</translation>
    </message>
    <message>
        <source>Migration steps of module %1 must be numbered 1, 2, 3… without gaps: step %2 is in position %3.</source>
        <translation>Los pasos de migración del módulo %1 deben numerarse 1, 2, 3… sin saltos: el paso %2 está en la posición %3.</translation>
    </message>
    <message>
        <source>Migration step %2 of module %1 has nothing to apply.</source>
        <translation>El paso de migración %2 del módulo %1 no tiene nada que aplicar.</translation>
    </message>
    <message>
        <source>The store has version %2 of module %1, but this program only knows up to version %3. Update Tambo before opening this store.</source>
        <translation>El almacén tiene la versión %2 del módulo %1, pero este programa solo conoce hasta la versión %3. Actualice Tambo antes de abrir este almacén.</translation>
    </message>
    <message>
        <source>Cannot create the table of schema versions: %1</source>
        <translation>No se pudo crear la tabla de versiones del esquema: %1</translation>
    </message>
    <message>
        <source>the step reported a failure without details</source>
        <translation>el paso informó un error sin detalles</translation>
    </message>
    <message>
        <source>Migration of module %1 failed at step %2 (%3): %4</source>
        <translation>La migración del módulo %1 falló en el paso %2 (%3): %4</translation>
    </message>
</context>
<context>
    <name>tambo::core::MigrationStep</name>
    <message>
        <source>%1 (in: %2)</source>
        <translation>%1 (en: %2)</translation>
    </message>
</context>
<context>
    <name>tambo::core::ModuleManager</name>
    <message>
        <source>The object %1 does not implement the Tambo module interface.</source>
        <translation>El objeto %1 no implementa la interfaz de módulos de Tambo.</translation>
    </message>
    <message>
        <source>The module &quot;%1&quot; was built for another version of the module interface (%2); this Tambo expects %3.</source>
        <translation>El módulo «%1» se compiló para otra versión de la interfaz de módulos (%2); este Tambo espera %3.</translation>
    </message>
    <message>
        <source>The module plugin %1 has no valid &quot;id&quot; in its metadata (lower-case letters, digits and _).</source>
        <translation>El complemento de módulo %1 no tiene un «id» válido en sus metadatos (letras minúsculas, dígitos y _).</translation>
    </message>
    <message>
        <source>The metadata of module &quot;%1&quot; is invalid: &quot;requires&quot; must be a list of module ids.</source>
        <translation>Los metadatos del módulo «%1» no son válidos: «requires» debe ser una lista de identificadores de módulos.</translation>
    </message>
    <message>
        <source>The module &quot;%1&quot; is linked more than once (%2); none of the copies is loaded.</source>
        <translation>El módulo «%1» está enlazado más de una vez (%2); no se carga ninguna de las copias.</translation>
    </message>
    <message>
        <source>The module &quot;%1&quot; was not loaded: the requirements of %2 form a cycle.</source>
        <translation>El módulo «%1» no se cargó: los requisitos de %2 forman un ciclo.</translation>
    </message>
    <message>
        <source>The module &quot;%1&quot; requires &quot;%2&quot;, which could not be loaded.</source>
        <translation>El módulo «%1» requiere «%2», que no se pudo cargar.</translation>
    </message>
    <message>
        <source>The module &quot;%1&quot; could not be created.</source>
        <translation>No se pudo crear el módulo «%1».</translation>
    </message>
    <message>
        <source>The plugin %1 declares the module &quot;%2&quot; but does not implement the module interface.</source>
        <translation>El complemento %1 declara el módulo «%2» pero no implementa la interfaz de módulos.</translation>
    </message>
    <message>
        <source>The module &quot;%1&quot; calls itself &quot;%2&quot; in its code; its metadata and its code must agree.</source>
        <translation>El módulo «%1» se identifica como «%2» en su código; sus metadatos y su código deben coincidir.</translation>
    </message>
    <message>
        <source>The page &quot;%1&quot; of module &quot;%2&quot; names no required permission; it is never shown.</source>
        <translation>La página «%1» del módulo «%2» no indica el permiso requerido; nunca se muestra.</translation>
    </message>
    <message>
        <source>The module &quot;%1&quot; was not started because &quot;%2&quot;, which it requires, did not start.</source>
        <translation>El módulo «%1» no se inició porque «%2», que requiere, no se inició.</translation>
    </message>
    <message>
        <source>The module &quot;%1&quot; failed to start: %2</source>
        <translation>El módulo «%1» no pudo iniciarse: %2</translation>
    </message>
    <message>
        <source>no reason given.</source>
        <translation>sin motivo indicado.</translation>
    </message>
    <message>
        <source>The module &quot;%1&quot; requires &quot;%2&quot;, which is not part of this build.</source>
        <translation>El módulo «%1» requiere «%2», que no forma parte de esta compilación.</translation>
    </message>
    <message>
        <source>The module &quot;%1&quot; requires &quot;%2&quot;, which is disabled.</source>
        <translation>El módulo «%1» requiere «%2», que está deshabilitado.</translation>
    </message>
</context>
<context>
    <name>tambo::core::PasswordHasher</name>
    <message>
        <source>The cryptographic library (libsodium) could not be initialised.</source>
        <translation>No se pudo inicializar la biblioteca criptográfica (libsodium).</translation>
    </message>
    <message>
        <source>The password could not be hashed (out of memory?).</source>
        <translation>No se pudo calcular el hash de la contraseña (¿memoria insuficiente?).</translation>
    </message>
</context>
<context>
    <name>tambo::core::RoleCatalog</name>
    <message>
        <source>OTIC administrator</source>
        <translation>Administrador OTIC</translation>
    </message>
    <message>
        <source>Front desk (mesa de partes)</source>
        <translation>Mesa de partes</translation>
    </message>
    <message>
        <source>Department clerk (gerencia)</source>
        <translation>Personal de gerencia</translation>
    </message>
    <message>
        <source>Asset inventory taker</source>
        <translation>Inventariador de patrimonio</translation>
    </message>
    <message>
        <source>Head of assets (patrimonio)</source>
        <translation>Jefe de patrimonio</translation>
    </message>
    <message>
        <source>IT support technician</source>
        <translation>Técnico de soporte</translation>
    </message>
    <message>
        <source>PGD committee (read only)</source>
        <translation>Comité PGD (solo lectura)</translation>
    </message>
    <message>
        <source>Open Tambo&apos;s home page</source>
        <translation>Abrir la página de inicio de Tambo</translation>
    </message>
    <message>
        <source>Manage users and their roles</source>
        <translation>Administrar usuarios y sus roles</translation>
    </message>
    <message>
        <source>Change the settings of this PC</source>
        <translation>Cambiar los ajustes de este equipo</translation>
    </message>
    <message>
        <source>Read and verify the audit log</source>
        <translation>Consultar y verificar el registro de auditoría</translation>
    </message>
    <message>
        <source>A permission without an id was declared.</source>
        <translation>Se declaró un permiso sin identificador.</translation>
    </message>
    <message>
        <source>Permission %1 is granted to an unknown role %2.</source>
        <translation>El permiso %1 se otorga a un rol desconocido: %2.</translation>
    </message>
    <message>
        <source>Cannot save the roles: %1</source>
        <translation>No se pudo guardar los roles: %1</translation>
    </message>
    <message>
        <source>Cannot read the permissions: %1</source>
        <translation>No se pudo leer los permisos: %1</translation>
    </message>
    <message>
        <source>Cannot save the permissions: %1</source>
        <translation>No se pudo guardar los permisos: %1</translation>
    </message>
    <message>
        <source>Carry this PC&apos;s changes to the server on a USB drive (sync bundles)</source>
        <translation>Llevar los cambios de este equipo al servidor en una memoria USB (paquetes de sincronización)</translation>
    </message>
    <message>
        <source>Resolve sync conflicts and changes the server rejected</source>
        <translation>Resolver conflictos de sincronización y cambios rechazados por el servidor</translation>
    </message>
</context>
<context>
    <name>tambo::core::ServerEnrollment</name>
    <message>
        <source>The sync server does not answer (%1). Check the server address in the settings and the network link; this PC keeps working offline.</source>
        <translation>El servidor de sincronización no responde (%1). Revise la dirección del servidor en los ajustes y el enlace de red; este equipo sigue trabajando sin conexión.</translation>
    </message>
    <message>
        <source>no connection</source>
        <translation>sin conexión</translation>
    </message>
    <message>
        <source>The sync server refused the connection (HTTP %1).</source>
        <translation>El servidor de sincronización rechazó la conexión (HTTP %1).</translation>
    </message>
    <message>
        <source>This PC has no device identity yet; restart Tambo.</source>
        <translation>Este equipo todavía no tiene identidad de dispositivo; reinicie Tambo.</translation>
    </message>
    <message>
        <source>The server knows this PC&apos;s device id with another key (was the store copied from another PC?). Ask the OTIC office to revoke the old device; nothing was changed on this PC.</source>
        <translation>El servidor conoce el identificador de este equipo con otra clave (¿se copió el almacén de otro equipo?). Pida a la OTIC que revoque el dispositivo anterior; no se cambió nada en este equipo.</translation>
    </message>
    <message>
        <source>This PC is connected to the sync server as %1.</source>
        <translation>Este equipo quedó conectado al servidor de sincronización como %1.</translation>
    </message>
</context>
<context>
    <name>tambo::core::SqlCipherDriver</name>
    <message>
        <source>The busy timeout “%1” is not a number of milliseconds.</source>
        <translation>El tiempo de espera «%1» no es un número de milisegundos.</translation>
    </message>
    <message>
        <source>No store file name was given.</source>
        <translation>No se indicó el nombre del archivo del almacén.</translation>
    </message>
    <message>
        <source>The store key must be given as 64 hexadecimal characters (32 bytes).</source>
        <translation>La clave del almacén debe indicarse con 64 caracteres hexadecimales (32 bytes).</translation>
    </message>
    <message>
        <source>The store file %1 does not exist.</source>
        <translation>El archivo del almacén %1 no existe.</translation>
    </message>
    <message>
        <source>The store file %1 could not be opened.</source>
        <translation>No se pudo abrir el archivo del almacén %1.</translation>
    </message>
    <message>
        <source>The key could not be applied to the store %1.</source>
        <translation>No se pudo aplicar la clave al almacén %1.</translation>
    </message>
    <message>
        <source>The store could not be opened: the key is wrong or the file is not a Tambo store (%1).</source>
        <translation>No se pudo abrir el almacén: la clave es incorrecta o el archivo no es un almacén de Tambo (%1).</translation>
    </message>
    <message>
        <source>The store %1 could not be read.</source>
        <translation>No se pudo leer el almacén %1.</translation>
    </message>
    <message>
        <source>Foreign keys could not be switched on in the store %1.</source>
        <translation>No se pudo activar las claves foráneas en el almacén %1.</translation>
    </message>
    <message>
        <source>The store connection is not open.</source>
        <translation>La conexión con el almacén no está abierta.</translation>
    </message>
    <message>
        <source>The transaction could not be started.</source>
        <translation>No se pudo iniciar la transacción.</translation>
    </message>
    <message>
        <source>The transaction could not be committed.</source>
        <translation>No se pudo confirmar la transacción.</translation>
    </message>
    <message>
        <source>The transaction could not be rolled back.</source>
        <translation>No se pudo revertir la transacción.</translation>
    </message>
    <message>
        <source>The cache size “%1” is not a positive number of KiB.</source>
        <translation>El tamaño de caché «%1» no es un número positivo de KiB.</translation>
    </message>
    <message>
        <source>Unknown connect option “%1” (known: TAMBO_BUSY_TIMEOUT=&lt;ms&gt;, TAMBO_CACHE_SIZE_KIB=&lt;KiB&gt;, TAMBO_OPEN_READONLY, TAMBO_MUST_EXIST, TAMBO_FOREIGN_KEYS).</source>
        <translation>Opción de conexión desconocida «%1» (conocidas: TAMBO_BUSY_TIMEOUT=&lt;ms&gt;, TAMBO_CACHE_SIZE_KIB=&lt;KiB&gt;, TAMBO_OPEN_READONLY, TAMBO_MUST_EXIST, TAMBO_FOREIGN_KEYS).</translation>
    </message>
    <message>
        <source>The page cache of the store %1 could not be set.</source>
        <translation>No se pudo configurar la caché de páginas del almacén %1.</translation>
    </message>
</context>
<context>
    <name>tambo::core::SqlCipherResult</name>
    <message>
        <source>The store connection is not open.</source>
        <translation>La conexión con el almacén no está abierta.</translation>
    </message>
    <message>
        <source>The statement could not be prepared.</source>
        <translation>No se pudo preparar la sentencia.</translation>
    </message>
    <message>
        <source>The query holds no SQL statement.</source>
        <translation>La consulta no contiene ninguna sentencia SQL.</translation>
    </message>
    <message>
        <source>The query holds more than one SQL statement; run them one at a time.</source>
        <translation>La consulta contiene más de una sentencia SQL; ejecútelas de una en una.</translation>
    </message>
    <message numerus="yes">
        <source>The query has %n placeholder(s) but no bound values; use prepare() and bindValue().</source>
        <translation>
            <numerusform>La consulta tiene %n marcador de parámetro pero ningún valor vinculado; use prepare() y bindValue().</numerusform>
            <numerusform>La consulta tiene %n marcadores de parámetro pero ningún valor vinculado; use prepare() y bindValue().</numerusform>
        </translation>
    </message>
    <message>
        <source>No statement has been prepared.</source>
        <translation>No se ha preparado ninguna sentencia.</translation>
    </message>
    <message>
        <source>Parameter count mismatch: the query expects %1 value(s), %2 were bound.</source>
        <translation>El número de parámetros no coincide: la consulta espera %1 valor(es) y se vincularon %2.</translation>
    </message>
    <message>
        <source>Bound value %1 has the type %2, which cannot be stored.</source>
        <translation>El valor vinculado %1 es de tipo %2, que no se puede almacenar.</translation>
    </message>
    <message>
        <source>Bound value %1 could not be bound.</source>
        <translation>No se pudo vincular el valor %1.</translation>
    </message>
    <message>
        <source>The query could not be executed.</source>
        <translation>No se pudo ejecutar la consulta.</translation>
    </message>
    <message>
        <source>The next row could not be read.</source>
        <translation>No se pudo leer la siguiente fila.</translation>
    </message>
</context>
<context>
    <name>tambo::core::Store</name>
    <message>
        <source>The store key must be 32 bytes long; this one has %1 bytes.</source>
        <translation>La clave del almacén debe tener 32 bytes; esta tiene %1 bytes.</translation>
    </message>
    <message>
        <source>No store file was given.</source>
        <translation>No se indicó el archivo del almacén.</translation>
    </message>
    <message>
        <source>%1 is a folder, not a store file.</source>
        <translation>%1 es una carpeta, no un archivo de almacén.</translation>
    </message>
    <message>
        <source>The store file %1 does not exist.</source>
        <translation>El archivo del almacén %1 no existe.</translation>
    </message>
    <message>
        <source>The folder %1 for the store could not be created.</source>
        <translation>No se pudo crear la carpeta %1 para el almacén.</translation>
    </message>
    <message>
        <source>The store %1 could not switch to write-ahead logging: %2</source>
        <translation>El almacén %1 no pudo activar el registro de escritura anticipada (WAL): %2</translation>
    </message>
    <message>
        <source>The store %1 did not report its SQLCipher version: %2</source>
        <translation>El almacén %1 no informó su versión de SQLCipher: %2</translation>
    </message>
    <message>
        <source>The store needs SQLCipher 4, but this build has %1.</source>
        <translation>El almacén necesita SQLCipher 4, pero esta compilación tiene %1.</translation>
    </message>
    <message>
        <source>The store file %1 could not be created: %2</source>
        <translation>No se pudo crear el archivo del almacén %1: %2</translation>
    </message>
</context>
<context>
    <name>tambo::core::SyncConflictResolver</name>
    <message>
        <source>Your role may not resolve sync conflicts or rejected changes. Ask the OTIC office.</source>
        <translation>Su rol no puede resolver conflictos de sincronización ni cambios rechazados. Consulte con la OTIC.</translation>
    </message>
    <message>
        <source>The table %1 is not on this PC.</source>
        <translation>La tabla %1 no existe en este equipo.</translation>
    </message>
    <message>
        <source>The field %1 is not in the table %2 on this PC.</source>
        <translation>El campo %1 no existe en la tabla %2 de este equipo.</translation>
    </message>
    <message>
        <source>The record %1 of %2 is not on this PC any more; synchronize first and try again (%3).</source>
        <translation>El registro %1 de %2 ya no está en este equipo; sincronice primero y vuelva a intentarlo (%3).</translation>
    </message>
    <message>
        <source>There is no conflict number %1 on this PC.</source>
        <translation>No hay ningún conflicto número %1 en este equipo.</translation>
    </message>
    <message>
        <source>record %1 of %2</source>
        <translation>registro %1 de %2</translation>
    </message>
    <message>
        <source>field %1 of record %2 of %3</source>
        <translation>campo %1 del registro %2 de %3</translation>
    </message>
    <message>
        <source>The conflict on the %1 was resolved already.</source>
        <translation>El conflicto sobre el %1 ya estaba resuelto.</translation>
    </message>
    <message>
        <source>The conflict on the %1 could not be resolved: %2</source>
        <translation>No se pudo resolver el conflicto sobre el %1: %2</translation>
    </message>
    <message>
        <source>Kept this PC&apos;s side of the %1; it goes to the server with the next synchronization.</source>
        <translation>Se mantuvo el valor de este equipo en el %1; se enviará al servidor en la próxima sincronización.</translation>
    </message>
    <message>
        <source>Kept the server&apos;s side of the %1.</source>
        <translation>Se mantuvo el valor del servidor en el %1.</translation>
    </message>
    <message>
        <source>There is no rejected change number %1 on this PC.</source>
        <translation>No hay ningún cambio rechazado número %1 en este equipo.</translation>
    </message>
    <message>
        <source>change %1 to record %2 of %3</source>
        <translation>cambio %1 del registro %2 de %3</translation>
    </message>
    <message>
        <source>The rejected %1 was resolved already.</source>
        <translation>El %1, rechazado por el servidor, ya estaba resuelto.</translation>
    </message>
    <message>
        <source>The rejected %1 could not be resolved: %2</source>
        <translation>No se pudo resolver el %1, rechazado por el servidor: %2</translation>
    </message>
    <message>
        <source>The %1 is queued again; it goes to the server with the next synchronization.</source>
        <translation>El %1 volvió a la cola; se enviará al servidor en la próxima sincronización.</translation>
    </message>
    <message>
        <source>The rejected %1 was discarded.</source>
        <translation>Se descartó el %1, rechazado por el servidor.</translation>
    </message>
</context>
<context>
    <name>tambo::core::SyncWorker</name>
    <message>
        <source>No sync server is configured on this PC.</source>
        <translation>Este equipo no tiene configurado un servidor de sincronización.</translation>
    </message>
    <message>
        <source>This PC has no session with the sync server yet: its changes are kept here until it has one.</source>
        <translation>Este equipo todavía no tiene una sesión con el servidor de sincronización: sus cambios se guardan aquí hasta que la tenga.</translation>
    </message>
    <message>
        <source>No sync server is configured on this PC: enter its address in File → Settings first.</source>
        <translation>Este equipo no tiene un servidor de sincronización: indique primero su dirección en Archivo → Ajustes.</translation>
    </message>
    <message>
        <source>A sync is running; try again in a moment.</source>
        <translation>Hay una sincronización en curso; intente de nuevo en un momento.</translation>
    </message>
    <message>
        <source>The device key of this PC could not be read: %1</source>
        <translation>No se pudo leer la clave de dispositivo de este equipo: %1</translation>
    </message>
    <message>
        <source>The session with the sync server ended (expired or revoked). Connect again with File → Connect to the sync server; this PC&apos;s changes are kept.</source>
        <translation>La sesión con el servidor de sincronización terminó (venció o fue revocada). Conéctese de nuevo con Archivo → Conectar con el servidor de sincronización; los cambios de este equipo se conservan.</translation>
    </message>
</context>
<context>
    <name>tambo::core::Transaction</name>
    <message>
        <source>Cannot start a transaction: the database is not open.</source>
        <translation>No se puede iniciar una transacción: la base de datos no está abierta.</translation>
    </message>
    <message>
        <source>Cannot start a transaction: %1</source>
        <translation>No se puede iniciar una transacción: %1</translation>
    </message>
    <message>
        <source>There is no open transaction to commit.</source>
        <translation>No hay ninguna transacción abierta que confirmar.</translation>
    </message>
    <message>
        <source>Cannot commit the transaction: %1</source>
        <translation>No se pudo confirmar la transacción: %1</translation>
    </message>
</context>
<context>
    <name>tambo::core::UserService</name>
    <message>
        <source>Permission denied: only an OTIC administrator can manage users.</source>
        <translation>Permiso denegado: solo un administrador OTIC puede administrar usuarios.</translation>
    </message>
    <message>
        <source>A username has 2 to 32 characters: letters without accents, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter or a digit.</source>
        <translation>Un nombre de usuario tiene de 2 a 32 caracteres: letras sin tildes, dígitos, «.», «_» o «-», y empieza con una letra o un dígito.</translation>
    </message>
    <message>
        <source>A password needs at least %1 characters.</source>
        <translation>La contraseña debe tener al menos %1 caracteres.</translation>
    </message>
    <message>
        <source>A password cannot be only spaces.</source>
        <translation>La contraseña no puede tener solo espacios.</translation>
    </message>
    <message>
        <source>Please give the user&apos;s full name.</source>
        <translation>Indique el nombre completo del usuario.</translation>
    </message>
    <message>
        <source>A user named %1 already exists.</source>
        <translation>Ya existe un usuario llamado %1.</translation>
    </message>
    <message>
        <source>Unknown role %1.</source>
        <translation>Rol desconocido: %1.</translation>
    </message>
    <message>
        <source>Unknown sede %1.</source>
        <translation>Sede desconocida: %1.</translation>
    </message>
    <message>
        <source>Cannot read the users: %1</source>
        <translation>No se pudo leer los usuarios: %1</translation>
    </message>
    <message>
        <source>Cannot create user %1: %2</source>
        <translation>No se pudo crear el usuario %1: %2</translation>
    </message>
    <message>
        <source>You cannot lock your own account.</source>
        <translation>No puede bloquear su propia cuenta.</translation>
    </message>
    <message>
        <source>There is no user %1.</source>
        <translation>No existe el usuario %1.</translation>
    </message>
    <message>
        <source>Cannot change user %1: %2</source>
        <translation>No se pudo modificar el usuario %1: %2</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>La contraseña actual es incorrecta.</translation>
    </message>
    <message>
        <source>Cannot save the roles: %1</source>
        <translation>No se pudo guardar los roles: %1</translation>
    </message>
</context>
<context>
    <name>tambo::core::Workspace</name>
    <message>
        <source>No store path was given.</source>
        <translation>No se indicó la ruta del almacén.</translation>
    </message>
    <message>
        <source>No key provider was given for the store %1.</source>
        <translation>No se indicó un proveedor de claves para el almacén %1.</translation>
    </message>
    <message>
        <source>The store %1 does not exist.</source>
        <translation>El almacén %1 no existe.</translation>
    </message>
    <message>
        <source>There is no key for the store %1 in %2.</source>
        <translation>No hay una clave para el almacén %1 en %2.</translation>
    </message>
    <message>
        <source>The store %1 needs migrating first (tambo-admin migrate).</source>
        <translation>Primero hay que migrar el almacén %1 (tambo-admin migrate).</translation>
    </message>
    <message>
        <source>The changes of the store %1 cannot be prepared for synchronization: %2</source>
        <translation>Los cambios del almacén %1 no se pueden preparar para la sincronización: %2</translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::AssetDetailView</name>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <source>Asset history</source>
        <translation>Historial del bien</translation>
    </message>
    <message>
        <source>Choose an asset in the list, or scan its label.</source>
        <translation>Elija un bien de la lista o escanee su etiqueta.</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Alta</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Modificación</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>IT support</source>
        <translation>Soporte técnico</translation>
    </message>
    <message>
        <source>Movement</source>
        <translation>Movimiento</translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::AssetImporter</name>
    <message>
        <source>You may not import assets (permission %1).</source>
        <translation>No tiene permiso para importar bienes (permiso %1).</translation>
    </message>
    <message>
        <source>Missing column</source>
        <translation>Falta la columna</translation>
    </message>
    <message>
        <source>Missing data</source>
        <translation>Dato obligatorio vacío</translation>
    </message>
    <message>
        <source>Bad code</source>
        <translation>Código inválido</translation>
    </message>
    <message>
        <source>Unknown catálogo</source>
        <translation>Catálogo desconocido</translation>
    </message>
    <message>
        <source>Repeated in the file</source>
        <translation>Repetido en el archivo</translation>
    </message>
    <message>
        <source>Already registered</source>
        <translation>Ya registrado</translation>
    </message>
    <message>
        <source>Bad date</source>
        <translation>Fecha inválida</translation>
    </message>
    <message>
        <source>Bad number</source>
        <translation>Importe inválido</translation>
    </message>
    <message>
        <source>Unknown condition</source>
        <translation>Estado desconocido</translation>
    </message>
    <message>
        <source>Unknown use</source>
        <translation>Situación desconocida</translation>
    </message>
    <message>
        <source>Unknown sede</source>
        <translation>Sede desconocida</translation>
    </message>
    <message>
        <source>Unknown area</source>
        <translation>Área desconocida</translation>
    </message>
    <message>
        <source>Cannot read the register: %1</source>
        <translation>No se pudo leer el registro de bienes: %1</translation>
    </message>
    <message>
        <source>The mapping&apos;s default sede “%1” does not exist.</source>
        <translation>La sede predeterminada del mapeo, «%1», no existe.</translation>
    </message>
    <message>
        <source>No column is mapped to “%1”, which is required.</source>
        <translation>Ninguna columna está asignada a «%1», que es obligatorio.</translation>
    </message>
    <message>
        <source>The file has no column “%1” for “%2”, which is required.</source>
        <translation>El archivo no tiene la columna «%1» para «%2», que es obligatorio.</translation>
    </message>
    <message>
        <source>The código patrimonial is empty.</source>
        <translation>El código patrimonial está vacío.</translation>
    </message>
    <message>
        <source>The catálogo code %1 (the first 8 digits of %2) is not in the SBN catálogo; import it first.</source>
        <translation>El código de catálogo %1 (los 8 primeros dígitos de %2) no está en el catálogo SBN; impórtelo primero.</translation>
    </message>
    <message>
        <source>The código %1 is repeated: it is on row %2 already.</source>
        <translation>El código %1 está repetido: ya figura en la fila %2.</translation>
    </message>
    <message>
        <source>The código %1 is already in the register.</source>
        <translation>El código %1 ya está en el registro de bienes.</translation>
    </message>
    <message>
        <source>The denominación is empty.</source>
        <translation>La denominación está vacía.</translation>
    </message>
    <message>
        <source>The condition “%1” is unknown: use N, B, R, M, X (RAEE) or Y (chatarra), or the words.</source>
        <translation>El estado «%1» no se reconoce: use N, B, R, M, X (RAEE) o Y (chatarra), o las palabras.</translation>
    </message>
    <message>
        <source>The use “%1” is unknown: use “uso” or “desuso”.</source>
        <translation>La situación «%1» no se reconoce: use «uso» o «desuso».</translation>
    </message>
    <message>
        <source>The sede is empty.</source>
        <translation>La sede está vacía.</translation>
    </message>
    <message>
        <source>The sede “%1” does not exist in Tambo (neither as id nor as name).</source>
        <translation>La sede «%1» no existe en Tambo (ni como código ni como nombre).</translation>
    </message>
    <message>
        <source>The area “%1” does not exist in the sede “%2”.</source>
        <translation>El área «%1» no existe en la sede «%2».</translation>
    </message>
    <message>
        <source>“%1” is not a date: write it as %2 (for example 14/05/2021).</source>
        <translation>«%1» no es una fecha: escríbala como %2 (por ejemplo, 14/05/2021).</translation>
    </message>
    <message>
        <source>The acquisition date %1 is in the future.</source>
        <translation>La fecha de adquisición %1 es futura.</translation>
    </message>
    <message>
        <source>“%1” is not an amount in soles: write it like 1234.50, 1,234.50 or 1.234,50, without a sign.</source>
        <translation>«%1» no es un importe en soles: escríbalo como 1234.50, 1,234.50 o 1.234,50, sin signo.</translation>
    </message>
    <message>
        <source>The file has a header but no rows to import.</source>
        <translation>El archivo tiene encabezado pero ninguna fila para importar.</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported: the file has %n row(s) with problems; correct them and check again.</source>
        <translation>
            <numerusform>No se importó nada: el archivo tiene %n fila con problemas; corríjala y revise de nuevo.</numerusform>
            <numerusform>No se importó nada: el archivo tiene %n filas con problemas; corríjalas y revise de nuevo.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was imported: the file has no rows to import.</source>
        <translation>No se importó nada: el archivo no tiene filas para importar.</translation>
    </message>
    <message>
        <source>Imported from %1 (row %2, import %3).</source>
        <translation>Importado de %1 (fila %2, importación %3).</translation>
    </message>
    <message>
        <source>Nothing was imported: row %1 (%2) could not be written: %3</source>
        <translation>No se importó nada: no se pudo registrar la fila %1 (%2): %3</translation>
    </message>
    <message>
        <source>Nothing was imported: the history of %1 could not be written: %2</source>
        <translation>No se importó nada: no se pudo escribir el historial de %1: %2</translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::AssetRegisterPage</name>
    <message>
        <source>Code, denomination, brand, serial number or custodian</source>
        <translation>Código, denominación, marca, n.º de serie o responsable</translation>
    </message>
    <message>
        <source>Search assets</source>
        <translation>Buscar bienes</translation>
    </message>
    <message>
        <source>All custodians</source>
        <translation>Todos los responsables</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Buscar:</translation>
    </message>
    <message>
        <source>&amp;Condition:</source>
        <translation>&amp;Estado:</translation>
    </message>
    <message>
        <source>C&amp;ustodian:</source>
        <translation>Res&amp;ponsable:</translation>
    </message>
    <message>
        <source>S&amp;ede:</source>
        <translation>&amp;Sede:</translation>
    </message>
    <message>
        <source>&amp;Area:</source>
        <translation>Á&amp;rea:</translation>
    </message>
    <message>
        <source>Assets</source>
        <translation>Bienes</translation>
    </message>
    <message>
        <source>All sedes</source>
        <translation>Todas las sedes</translation>
    </message>
    <message>
        <source>All conditions</source>
        <translation>Todos los estados</translation>
    </message>
    <message>
        <source>Poor, WEEE or scrap (M, X, Y)</source>
        <translation>Malo, RAEE o chatarra (M, X, Y)</translation>
    </message>
    <message>
        <source>All areas</source>
        <translation>Todas las áreas</translation>
    </message>
    <message numerus="yes">
        <source>%n asset(s)</source>
        <translation>
            <numerusform>%n bien</numerusform>
            <numerusform>%n bienes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n asset(s)</source>
        <translation>
            <numerusform>%1 de %n bien</numerusform>
            <numerusform>%1 de %n bienes</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose an asset in the list, or scan its label.</source>
        <translation>Elija un bien de la lista o escanee su etiqueta.</translation>
    </message>
    <message>
        <source>The asset %1 is no longer in the register.</source>
        <translation>El bien %1 ya no está en el registro.</translation>
    </message>
    <message>
        <source>Print &amp;labels…</source>
        <translation>Imprimir eti&amp;quetas…</translation>
    </message>
    <message>
        <source>Print the labels of the selected assets (Ctrl+P)</source>
        <translation>Imprimir las etiquetas de los bienes seleccionados (Ctrl+P)</translation>
    </message>
    <message>
        <source>Select the assets to label first (Shift or Ctrl with the arrows; Ctrl+A selects every asset shown).</source>
        <translation>Primero seleccione los bienes a etiquetar (Mayús o Ctrl con las flechas; Ctrl+A selecciona todos los bienes mostrados).</translation>
    </message>
    <message>
        <source>&amp;Import assets…</source>
        <translation>&amp;Importar bienes…</translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::AssetRepository</name>
    <message>
        <source>Cannot read the register: %1</source>
        <translation>No se pudo leer el registro de bienes: %1</translation>
    </message>
    <message>
        <source>see the asset register</source>
        <translation>ver el registro de bienes</translation>
    </message>
    <message>
        <source>Cannot read the history: %1</source>
        <translation>No se pudo leer el historial: %1</translation>
    </message>
    <message>
        <source>Cannot read the catálogo and places: %1</source>
        <translation>No se pudo leer el catálogo y las ubicaciones: %1</translation>
    </message>
    <message>
        <source>The catálogo code %1 (the first 8 digits of %2) is not in the catálogo; import it first.</source>
        <translation>El código de catálogo %1 (los primeros 8 dígitos de %2) no está en el catálogo; impórtelo primero.</translation>
    </message>
    <message>
        <source>The asset %1 has no denominación.</source>
        <translation>El bien %1 no tiene denominación.</translation>
    </message>
    <message>
        <source>The asset %1 has no sede.</source>
        <translation>El bien %1 no tiene sede.</translation>
    </message>
    <message>
        <source>The sede “%1” does not exist.</source>
        <translation>La sede «%1» no existe.</translation>
    </message>
    <message>
        <source>The area “%1” does not exist.</source>
        <translation>El área «%1» no existe.</translation>
    </message>
    <message>
        <source>The area “%1” does not belong to the sede “%2”.</source>
        <translation>El área «%1» no pertenece a la sede «%2».</translation>
    </message>
    <message>
        <source>The value of %1 cannot be negative.</source>
        <translation>El valor de %1 no puede ser negativo.</translation>
    </message>
    <message>
        <source>The acquisition date of %1 is in the future.</source>
        <translation>La fecha de adquisición de %1 es futura.</translation>
    </message>
    <message>
        <source>Cannot write the asset&apos;s history: %1</source>
        <translation>No se pudo escribir el historial del bien: %1</translation>
    </message>
    <message>
        <source>The código patrimonial %1 is already registered (%2).</source>
        <translation>El código patrimonial %1 ya está registrado (%2).</translation>
    </message>
    <message>
        <source>Cannot register %1: %2</source>
        <translation>No se pudo registrar %1: %2</translation>
    </message>
    <message>
        <source>Registered as %1 (%2).</source>
        <translation>Registrado como %1 (%2).</translation>
    </message>
    <message>
        <source>register assets</source>
        <translation>registrar bienes</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Denomination</source>
        <translation>Denominación</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>Marca</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>N.º de serie</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Color</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>Características</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Situación</translation>
    </message>
    <message>
        <source>Sede</source>
        <translation>Sede</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Área</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Ambiente</translation>
    </message>
    <message>
        <source>Custodian</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Acquired on</source>
        <translation>Fecha de adquisición</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Ledger account</source>
        <translation>Cuenta contable</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>Observaciones</translation>
    </message>
    <message>
        <source>edit assets</source>
        <translation>modificar bienes</translation>
    </message>
    <message>
        <source>The asset to update does not exist.</source>
        <translation>El bien que se quiere actualizar no existe.</translation>
    </message>
    <message>
        <source>The código patrimonial of %1 cannot be changed; register a new asset and give this one de baja.</source>
        <translation>El código patrimonial de %1 no se puede cambiar; registre un bien nuevo y dé de baja este.</translation>
    </message>
    <message>
        <source>The asset %1 was changed by someone else since you opened it; open it again and repeat your change.</source>
        <translation>Otra persona modificó el bien %1 después de que usted lo abrió; ábralo de nuevo y repita su cambio.</translation>
    </message>
    <message>
        <source>change %1 without the approval of the jefe de patrimonio</source>
        <translation>cambiar %1 sin la aprobación del jefe de patrimonio</translation>
    </message>
    <message>
        <source>Cannot update %1: %2</source>
        <translation>No se pudo actualizar %1: %2</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>add to an asset&apos;s history</source>
        <translation>agregar al historial de un bien</translation>
    </message>
    <message>
        <source>A history line needs a kind and a text.</source>
        <translation>Una línea del historial necesita un tipo y un texto.</translation>
    </message>
    <message>
        <source>The código patrimonial %1 is not in the register.</source>
        <translation>El código patrimonial %1 no está en el registro.</translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::AssetTableModel</name>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Denomination</source>
        <translation>Denominación</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>Marca</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>N.º de serie</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Situación</translation>
    </message>
    <message>
        <source>Sede</source>
        <translation>Sede</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Área</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Ambiente</translation>
    </message>
    <message>
        <source>Custodian</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::CampaignDemo</name>
    <message>
        <source>The demo campaign needs the demo register first.</source>
        <translation>La campaña de demostración necesita primero el registro de bienes de demostración.</translation>
    </message>
    <message>
        <source>The demo register has too few rooms for the demo campaign.</source>
        <translation>El registro de demostración tiene muy pocos ambientes para la campaña de demostración.</translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::CampaignDialog</name>
    <message>
        <source>New inventory campaign</source>
        <translation>Nueva campaña de inventario</translation>
    </message>
    <message>
        <source>Inventory %1</source>
        <translation>Inventario %1</translation>
    </message>
    <message>
        <source>One member a line: SURNAMES, names; role</source>
        <translation>Un miembro por línea: APELLIDOS, nombres; cargo</translation>
    </message>
    <message>
        <source>Scope: sedes and areas</source>
        <translation>Alcance: sedes y áreas</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Año:</translation>
    </message>
    <message>
        <source>&amp;Cut-off date:</source>
        <translation>&amp;Fecha de corte:</translation>
    </message>
    <message>
        <source>Co&amp;misión:</source>
        <translation>Co&amp;misión:</translation>
    </message>
    <message>
        <source>&amp;Scope (space bar checks; nothing checked = every sede):</source>
        <translation>A&amp;lcance (la barra espaciadora marca; sin marcas = todas las sedes):</translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::CampaignListPage</name>
    <message>
        <source>Close campaign</source>
        <translation>Cerrar campaña</translation>
    </message>
    <message>
        <source>&amp;New campaign…</source>
        <translation>&amp;Nueva campaña…</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Iniciar</translation>
    </message>
    <message>
        <source>&amp;Close and write the acta…</source>
        <translation>&amp;Cerrar y emitir el acta…</translation>
    </message>
    <message>
        <source>&amp;Write documents again</source>
        <translation>&amp;Volver a emitir los documentos</translation>
    </message>
    <message>
        <source>Name, year or scope</source>
        <translation>Nombre, año o alcance</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Todos los estados</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Buscar:</translation>
    </message>
    <message>
        <source>S&amp;tate:</source>
        <translation>Es&amp;tado:</translation>
    </message>
    <message>
        <source>Inventory campaigns</source>
        <translation>Campañas de inventario</translation>
    </message>
    <message>
        <source>Campaign “%1” created. Start it when the comisión is ready (Ctrl+Shift+S).</source>
        <translation>Campaña «%1» creada. Iníciela cuando la comisión esté lista (Ctrl+Mayús+S).</translation>
    </message>
    <message>
        <source>The campaign is in progress: the teams can scan on the page “Toma de inventario”.</source>
        <translation>La campaña está en curso: los equipos pueden escanear en la página «Toma de inventario».</translation>
    </message>
    <message>
        <source>Close “%1”? The outcomes are frozen with the scans this PC holds now: %2 found, %3 found elsewhere, %4 missing, %5 surplus. Make sure every team has synchronised first.</source>
        <translation>¿Cerrar «%1»? Los resultados se congelan con los escaneos que esta PC tiene ahora: %2 encontrados, %3 encontrados en otro lugar, %4 faltantes, %5 sobrantes. Asegúrese antes de que todos los equipos hayan sincronizado.</translation>
    </message>
    <message>
        <source>Only a closed campaign has an acta.</source>
        <translation>Solo una campaña cerrada tiene acta.</translation>
    </message>
    <message>
        <source>Campaign “%1” closed. Written: %2, %3 and %4.</source>
        <translation>Campaña «%1» cerrada. Se emitieron: %2, %3 y %4.</translation>
    </message>
    <message>
        <source>Print &amp;labels of the campaign…</source>
        <translation>Imprimir &amp;etiquetas de la campaña…</translation>
    </message>
    <message>
        <source>Choose a campaign first.</source>
        <translation>Elija primero una campaña.</translation>
    </message>
    <message>
        <source>The campaign&apos;s scope has no registered assets to label.</source>
        <translation>El ámbito de la campaña no tiene bienes registrados que etiquetar.</translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::CampaignReport</name>
    <message>
        <source>Year:</source>
        <translation>Año:</translation>
    </message>
    <message>
        <source>Cut-off date:</source>
        <translation>Fecha de corte:</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>Inicio:</translation>
    </message>
    <message>
        <source>Closed:</source>
        <translation>Cierre:</translation>
    </message>
    <message>
        <source>Scope:</source>
        <translation>Alcance:</translation>
    </message>
    <message>
        <source>Every sede of the entity</source>
        <translation>Todas las sedes de la entidad</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Totales</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Assets</source>
        <translation>Bienes</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Expected in the scope</source>
        <translation>Bienes a inventariar (en el alcance)</translation>
    </message>
    <message>
        <source>Condition changed</source>
        <translation>Estado cambiado</translation>
    </message>
    <message>
        <source>Scanned more than once</source>
        <translation>Escaneados más de una vez</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>N.º</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Denomination</source>
        <translation>Denominación</translation>
    </message>
    <message>
        <source>Registered place</source>
        <translation>Ubicación registrada</translation>
    </message>
    <message>
        <source>Found in</source>
        <translation>Ubicación encontrada</translation>
    </message>
    <message>
        <source>(not in the register)</source>
        <translation>(no registrado)</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Ninguno.</translation>
    </message>
    <message>
        <source>INVENTORY RECORD OF MOVABLE ASSETS</source>
        <translation>ACTA DE INVENTARIO DE BIENES MUEBLES</translation>
    </message>
    <message>
        <source>The Comisión de Inventario named below took the physical inventory of the bienes muebles of the entity with cut-off date %1, comparing what was found with the asset register, with these results.</source>
        <translation>La Comisión de Inventario que suscribe realizó la toma de inventario físico de los bienes muebles de la entidad con fecha de corte al %1, contrastando lo encontrado con el registro patrimonial, con los siguientes resultados.</translation>
    </message>
    <message>
        <source>Comisión de Inventario</source>
        <translation>Comisión de Inventario</translation>
    </message>
    <message>
        <source>Missing assets (faltantes)</source>
        <translation>Bienes faltantes</translation>
    </message>
    <message>
        <source>Surplus assets (sobrantes)</source>
        <translation>Bienes sobrantes</translation>
    </message>
    <message>
        <source>In witness whereof, the members of the comisión sign this record.</source>
        <translation>En señal de conformidad, firman la presente acta los miembros de la comisión.</translation>
    </message>
    <message>
        <source>FINAL INVENTORY REPORT</source>
        <translation>INFORME FINAL DE INVENTARIO</translation>
    </message>
    <message>
        <source>%1% of the expected assets were found.</source>
        <translation>Se encontró el %1% de los bienes a inventariar.</translation>
    </message>
    <message>
        <source>Found elsewhere</source>
        <translation>Encontrados en otro lugar</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registrado</translation>
    </message>
    <message>
        <source>Observed</source>
        <translation>Observado</translation>
    </message>
    <message>
        <source>Ledger account</source>
        <translation>Cuenta contable</translation>
    </message>
    <message>
        <source>Registered condition</source>
        <translation>Estado registrado</translation>
    </message>
    <message>
        <source>Observed condition</source>
        <translation>Estado observado</translation>
    </message>
    <message>
        <source>Scans</source>
        <translation>Escaneos</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>The folder of %1 does not exist.</source>
        <translation>La carpeta de %1 no existe.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>No se puede escribir %1.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>No se puede crear la carpeta %1.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::CampaignRepository</name>
    <message>
        <source>see the inventory campaigns</source>
        <translation>ver las campañas de inventario</translation>
    </message>
    <message>
        <source>Cannot read the campaigns: %1</source>
        <translation>No se pueden leer las campañas: %1</translation>
    </message>
    <message>
        <source>create inventory campaigns</source>
        <translation>crear campañas de inventario</translation>
    </message>
    <message>
        <source>The campaign needs a name.</source>
        <translation>La campaña necesita un nombre.</translation>
    </message>
    <message>
        <source>The year %1 is not valid.</source>
        <translation>El año %1 no es válido.</translation>
    </message>
    <message>
        <source>Name at least one member of the comisión de inventario.</source>
        <translation>Indique al menos un miembro de la comisión de inventario.</translation>
    </message>
    <message>
        <source>The sede “%1” does not exist.</source>
        <translation>La sede «%1» no existe.</translation>
    </message>
    <message>
        <source>The area “%1” does not exist.</source>
        <translation>El área «%1» no existe.</translation>
    </message>
    <message>
        <source>Cannot create the campaign: %1</source>
        <translation>No se puede crear la campaña: %1</translation>
    </message>
    <message>
        <source>Cannot change the campaign: %1</source>
        <translation>No se puede modificar la campaña: %1</translation>
    </message>
    <message>
        <source>The campaign is no longer %1.</source>
        <translation>La campaña ya no está en estado «%1».</translation>
    </message>
    <message>
        <source>start inventory campaigns</source>
        <translation>iniciar campañas de inventario</translation>
    </message>
    <message>
        <source>The campaign does not exist.</source>
        <translation>La campaña no existe.</translation>
    </message>
    <message>
        <source>Only a campaign in preparation can be started; “%1” is %2.</source>
        <translation>Solo se puede iniciar una campaña en preparación; «%1» está en estado «%2».</translation>
    </message>
    <message>
        <source>Choose the room (ambiente) where the team is before scanning.</source>
        <translation>Elija el ambiente donde está el equipo antes de escanear.</translation>
    </message>
    <message>
        <source>The area “%1” does not belong to the sede “%2”.</source>
        <translation>El área «%1» no pertenece a la sede «%2».</translation>
    </message>
    <message>
        <source>The room %1 is outside the scope of the campaign “%2”.</source>
        <translation>El ambiente %1 está fuera del alcance de la campaña «%2».</translation>
    </message>
    <message>
        <source>record inventory scans</source>
        <translation>registrar escaneos de inventario</translation>
    </message>
    <message>
        <source>The campaign “%1” is %2: scans are taken while it is in progress.</source>
        <translation>La campaña «%1» está en estado «%2»: solo se escanea mientras está en curso.</translation>
    </message>
    <message>
        <source>A scan event is incomplete (id %1, code %2).</source>
        <translation>Un escaneo está incompleto (id %1, código %2).</translation>
    </message>
    <message>
        <source>Cannot store the scan of %1: %2</source>
        <translation>No se puede guardar el escaneo de %1: %2</translation>
    </message>
    <message>
        <source>Cannot read the scans: %1</source>
        <translation>No se pueden leer los escaneos: %1</translation>
    </message>
    <message>
        <source>Cannot read the register: %1</source>
        <translation>No se puede leer el registro de bienes: %1</translation>
    </message>
    <message>
        <source>close inventory campaigns</source>
        <translation>cerrar campañas de inventario</translation>
    </message>
    <message>
        <source>Only a campaign in progress can be closed; “%1” is %2.</source>
        <translation>Solo se puede cerrar una campaña en curso; «%1» está en estado «%2».</translation>
    </message>
    <message>
        <source>Cannot freeze the result of %1: %2</source>
        <translation>No se puede congelar el resultado de %1: %2</translation>
    </message>
    <message>
        <source>Cannot read the results: %1</source>
        <translation>No se pueden leer los resultados: %1</translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::CampaignResultModel</name>
    <message>
        <source>(not in the register)</source>
        <translation>(no registrado)</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message numerus="yes">
        <source>Scanned %n time(s); counted once.</source>
        <translation>
            <numerusform>Escaneado %n vez; cuenta una sola vez.</numerusform>
            <numerusform>Escaneado %n veces; cuenta una sola vez.</numerusform>
        </translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Denomination</source>
        <translation>Denominación</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Registered place</source>
        <translation>Ubicación registrada</translation>
    </message>
    <message>
        <source>Found in</source>
        <translation>Encontrado en</translation>
    </message>
    <message>
        <source>Scans</source>
        <translation>Escaneos</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::CampaignTableModel</name>
    <message>
        <source>Every sede</source>
        <translation>Todas las sedes</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campaña</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Año</translation>
    </message>
    <message>
        <source>Cut-off date</source>
        <translation>Fecha de corte</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Alcance</translation>
    </message>
    <message>
        <source>Comisión</source>
        <translation>Comisión</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Creada por</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>Cerrada el</translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::Campaigns</name>
    <message>
        <source>Preparing</source>
        <translation>En preparación</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrada</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Encontrado</translation>
    </message>
    <message>
        <source>Found elsewhere</source>
        <translation>Encontrado en otro lugar</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Faltante</translation>
    </message>
    <message>
        <source>Surplus</source>
        <translation>Sobrante</translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::CatalogoRepository</name>
    <message>
        <source>You may not see the catálogo (permission %1).</source>
        <translation>No tiene permiso para ver el catálogo (permiso %1).</translation>
    </message>
    <message>
        <source>Cannot read the catálogo: %1</source>
        <translation>No se pudo leer el catálogo: %1</translation>
    </message>
    <message>
        <source>You may not import the catálogo (permission %1).</source>
        <translation>No tiene permiso para importar el catálogo (permiso %1).</translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>No se pudo leer el archivo: %1</translation>
    </message>
    <message>
        <source>There is no separator: write the code, a semicolon and the denominación.</source>
        <translation>Falta el separador: escriba el código, un punto y coma y la denominación.</translation>
    </message>
    <message>
        <source>The catálogo code “%1” may only contain digits.</source>
        <translation>El código de catálogo «%1» solo puede contener dígitos.</translation>
    </message>
    <message numerus="yes">
        <source>The catálogo code “%1” has %n digit(s); it must have 8 (a spreadsheet may have dropped leading zeros: format the column as text).</source>
        <translation>
            <numerusform>El código de catálogo «%1» tiene %n dígito; debe tener 8 (una hoja de cálculo puede haber quitado los ceros iniciales: dé formato de texto a la columna).</numerusform>
            <numerusform>El código de catálogo «%1» tiene %n dígitos; debe tener 8 (una hoja de cálculo puede haber quitado los ceros iniciales: dé formato de texto a la columna).</numerusform>
        </translation>
    </message>
    <message>
        <source>The catálogo code 00000000 does not exist.</source>
        <translation>El código de catálogo 00000000 no existe.</translation>
    </message>
    <message>
        <source>The denominación of %1 is empty.</source>
        <translation>La denominación de %1 está vacía.</translation>
    </message>
    <message>
        <source>The code %1 is repeated (first on line %2).</source>
        <translation>El código %1 está repetido (aparece primero en la línea %2).</translation>
    </message>
    <message>
        <source>Not a valid catálogo entry, or repeated.</source>
        <translation>No es una entrada válida del catálogo, o está repetida.</translation>
    </message>
    <message>
        <source>Cannot add %1 to the catálogo: %2</source>
        <translation>No se pudo agregar %1 al catálogo: %2</translation>
    </message>
    <message>
        <source>Cannot update %1 in the catálogo: %2</source>
        <translation>No se pudo actualizar %1 en el catálogo: %2</translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::CodigoPatrimonial</name>
    <message>
        <source>No code was given: a código patrimonial has 12 digits.</source>
        <translation>No se indicó ningún código: un código patrimonial tiene 12 dígitos.</translation>
    </message>
    <message numerus="yes">
        <source>“%1” has %n digit(s); a código patrimonial has 12 (8 of the SBN catálogo and 4 of the correlativo).</source>
        <translation>
            <numerusform>«%1» tiene %n dígito; un código patrimonial tiene 12 (8 del catálogo de la SBN y 4 del correlativo).</numerusform>
            <numerusform>«%1» tiene %n dígitos; un código patrimonial tiene 12 (8 del catálogo de la SBN y 4 del correlativo).</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” is not a código patrimonial: it may only contain digits 0 to 9.</source>
        <translation>«%1» no es un código patrimonial: solo puede contener dígitos del 0 al 9.</translation>
    </message>
    <message>
        <source>“%1” is not a código patrimonial: the catálogo part 00000000 does not exist.</source>
        <translation>«%1» no es un código patrimonial: la parte de catálogo 00000000 no existe.</translation>
    </message>
    <message>
        <source>“%1” is not a código patrimonial: the correlativo 0000 does not exist (it starts at 0001).</source>
        <translation>«%1» no es un código patrimonial: el correlativo 0000 no existe (empieza en 0001).</translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::Estados</name>
    <message>
        <source>New</source>
        <translation>Nuevo</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Bueno</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Regular</translation>
    </message>
    <message>
        <source>Poor</source>
        <translation>Malo</translation>
    </message>
    <message>
        <source>WEEE (RAEE)</source>
        <translation>RAEE</translation>
    </message>
    <message>
        <source>Scrap</source>
        <translation>Chatarra</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>En uso</translation>
    </message>
    <message>
        <source>Not in use</source>
        <translation>En desuso</translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::ImageScanAction</name>
    <message>
        <source>Read from &amp;image…</source>
        <translation>Leer de &amp;imagen…</translation>
    </message>
    <message>
        <source>Read the code of a damaged label from a photo or scan of it (Ctrl+O)</source>
        <translation>Leer el código de una etiqueta dañada desde una foto o un escaneo (Ctrl+O)</translation>
    </message>
    <message>
        <source>Read a label from an image</source>
        <translation>Leer una etiqueta desde una imagen</translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::ImageScanReader</name>
    <message>
        <source>%1 could not be opened as an image.</source>
        <translation>%1 no se pudo abrir como imagen.</translation>
    </message>
    <message>
        <source>No barcode could be read in %1. Try a sharper photo taken closer, with the whole label in it and no glare, or type the code.</source>
        <translation>No se pudo leer ningún código de barras en %1. Pruebe con una foto más nítida y cercana, con toda la etiqueta y sin reflejos, o escriba el código.</translation>
    </message>
    <message>
        <source>%1 could not be opened as an image (%2).</source>
        <translation>%1 no se pudo abrir como imagen (%2).</translation>
    </message>
    <message>
        <source>Images (%1)</source>
        <translation>Imágenes (%1)</translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::ImportAdminCommand</name>
    <message>
        <source>tab</source>
        <translation>tabulador</translation>
    </message>
    <message>
        <source>--mapping M FILE [--dry-run]
        import assets from a CSV file (SIGA-MEF export or spreadsheet);
        M is a mapping JSON file or &apos;siga&apos;. Exit 0: imported (or dry run
        without problems); 1: bad rows, nothing imported; 2: usage.</source>
        <translation>--mapping M ARCHIVO [--dry-run]
        importa bienes de un CSV (exportación de SIGA-MEF u hoja de cálculo);
        M es un mapeo JSON o «siga». Salida 0: importado (o prueba sin
        problemas); 1: filas con problemas, no se importó nada; 2: uso.</translation>
    </message>
    <message>
        <source>Column mapping: a JSON file, or &apos;siga&apos; for SIGA-MEF exports.</source>
        <translation>Mapeo de columnas: un archivo JSON, o «siga» para exportaciones de SIGA-MEF.</translation>
    </message>
    <message>
        <source>Only check the file and print the report; import nothing.</source>
        <translation>Solo revisa el archivo e imprime el informe; no importa nada.</translation>
    </message>
    <message>
        <source>tambo-admin: patrimonio import needs --mapping M and one FILE</source>
        <translation>tambo-admin: patrimonio import necesita --mapping M y un ARCHIVO</translation>
    </message>
    <message>
        <source>Use &apos;tambo-admin --help&apos; to see the commands.</source>
        <translation>Use «tambo-admin --help» para ver los comandos.</translation>
    </message>
    <message>
        <source>tambo-admin: the patrimonio module has no store.</source>
        <translation>tambo-admin: el módulo de patrimonio no tiene almacén.</translation>
    </message>
    <message>
        <source>tambo-admin: %1</source>
        <translation>tambo-admin: %1</translation>
    </message>
    <message numerus="yes">
        <source>File: %1 (%2, separator %3), %n row(s); mapping: %4.</source>
        <translation>
            <numerusform>Archivo: %1 (%2, separador %3), %n fila; mapeo: %4.</numerusform>
            <numerusform>Archivo: %1 (%2, separador %3), %n filas; mapeo: %4.</numerusform>
        </translation>
    </message>
    <message>
        <source>row	código	field	reason</source>
        <translation>fila	código	dato	motivo</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) correct, </source>
        <translation>
            <numerusform>%n fila correcta, </numerusform>
            <numerusform>%n filas correctas, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with problems.</source>
        <translation>
            <numerusform>%n fila con problemas.</numerusform>
            <numerusform>%n filas con problemas.</numerusform>
        </translation>
    </message>
    <message>
        <source>tambo-admin: nothing was imported: correct the rows listed and run again.</source>
        <translation>tambo-admin: no se importó nada: corrija las filas listadas y vuelva a ejecutar.</translation>
    </message>
    <message>
        <source>Dry run: nothing was imported.</source>
        <translation>Prueba: no se importó nada.</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n asset(s) in one transaction (import %1).</source>
        <translation>
            <numerusform>Se importó %n bien en una sola transacción (importación %1).</numerusform>
            <numerusform>Se importaron %n bienes en una sola transacción (importación %1).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::ImportCsvReader</name>
    <message>
        <source>The file ends inside a quoted field that starts on line %1: a quote (&quot;) is missing.</source>
        <translation>El archivo termina dentro de un campo entre comillas que empieza en la línea %1: falta una comilla (&quot;).</translation>
    </message>
    <message>
        <source>The file is empty: it needs a header row with the column names.</source>
        <translation>El archivo está vacío: necesita una fila de encabezado con los nombres de las columnas.</translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>No se pudo leer el archivo: %1</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>No se pudo abrir %1: %2</translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::ImportDialog</name>
    <message>
        <source>Import assets</source>
        <translation>Importar bienes</translation>
    </message>
    <message>
        <source>CSV file saved from Excel or exported from SIGA-MEF</source>
        <translation>Archivo CSV guardado desde Excel o exportado de SIGA-MEF</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>E&amp;xaminar…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Archivo:</translation>
    </message>
    <message>
        <source>&amp;Mapping:</source>
        <translation>&amp;Mapeo:</translation>
    </message>
    <message>
        <source>Sa&amp;ve mapping…</source>
        <translation>&amp;Guardar mapeo…</translation>
    </message>
    <message>
        <source>Automatic (1,234.50 or 1.234,50)</source>
        <translation>Automático (1,234.50 o 1.234,50)</translation>
    </message>
    <message>
        <source>Point (1,234.50)</source>
        <translation>Punto (1,234.50)</translation>
    </message>
    <message>
        <source>Comma (1.234,50)</source>
        <translation>Coma (1.234,50)</translation>
    </message>
    <message>
        <source>&amp;Numbers:</source>
        <translation>&amp;Números:</translation>
    </message>
    <message>
        <source>&amp;Dates:</source>
        <translation>&amp;Fechas:</translation>
    </message>
    <message>
        <source>First rows of the file</source>
        <translation>Primeras filas del archivo</translation>
    </message>
    <message>
        <source>Column of each field (* required)</source>
        <translation>Columna de cada dato (* obligatorio)</translation>
    </message>
    <message>
        <source>Rows with problems</source>
        <translation>Filas con problemas</translation>
    </message>
    <message>
        <source>Check (nothing is imported yet)</source>
        <translation>Revisión (todavía no se importa nada)</translation>
    </message>
    <message>
        <source>Chec&amp;k</source>
        <translation>&amp;Revisar</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importar</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Archivos CSV (*.csv *.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Save mapping</source>
        <translation>Guardar mapeo</translation>
    </message>
    <message>
        <source>Mappings (*.json)</source>
        <translation>Mapeos (*.json)</translation>
    </message>
    <message>
        <source>Choose a file and press Check.</source>
        <translation>Elija un archivo y pulse Revisar.</translation>
    </message>
    <message>
        <source>Guessed from the headers</source>
        <translation>Deducido de los encabezados</translation>
    </message>
    <message>
        <source>SIGA-MEF Patrimonio (built in)</source>
        <translation>SIGA-MEF Patrimonio (incorporado)</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>tabulador</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n row(s), %2, separator %3.</source>
        <translation>
            <numerusform>%1: %n fila, %2, separador %3.</numerusform>
            <numerusform>%1: %n filas, %2, separador %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>(do not import)</source>
        <translation>(no importar)</translation>
    </message>
    <message>
        <source>Mapping saved in %1.</source>
        <translation>Mapeo guardado en %1.</translation>
    </message>
    <message>
        <source>Press Check to review every row before importing.</source>
        <translation>Pulse Revisar para comprobar todas las filas antes de importar.</translation>
    </message>
    <message>
        <source>Choose a file first.</source>
        <translation>Primero elija un archivo.</translation>
    </message>
    <message>
        <source>%1 row(s) read; all %2 can be imported. Press Import to register them in one operation.</source>
        <translation>Filas leídas: %1; las %2 se pueden importar. Pulse Importar para registrarlas en una sola operación.</translation>
    </message>
    <message>
        <source>%1 row(s) read: %2 correct, %3 with problems (%4 problem(s) listed below). Nothing will be imported until every row is correct.</source>
        <translation>Filas leídas: %1; correctas: %2; con problemas: %3 (%4 problemas listados abajo). No se importará nada hasta que todas las filas estén correctas.</translation>
    </message>
    <message>
        <source>Importing assets…</source>
        <translation>Importando bienes…</translation>
    </message>
    <message>
        <source>%1 asset(s) imported in one operation.</source>
        <translation>Bienes importados en una sola operación: %1.</translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::ImportMapping</name>
    <message>
        <source>Código patrimonial</source>
        <translation>Código patrimonial</translation>
    </message>
    <message>
        <source>Denomination</source>
        <translation>Denominación</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>Marca</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Serie</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Color</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>Características</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Situación</translation>
    </message>
    <message>
        <source>Sede</source>
        <translation>Sede</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Área</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Ambiente</translation>
    </message>
    <message>
        <source>Custodian</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Acquired on</source>
        <translation>Fecha de adquisición</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Ledger account</source>
        <translation>Cuenta contable</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>Observaciones</translation>
    </message>
    <message>
        <source>Guessed from the headers</source>
        <translation>Deducido de los encabezados</translation>
    </message>
    <message>
        <source>The mapping has the format “%1”; this version of Tambo reads “%2”.</source>
        <translation>El mapeo tiene el formato «%1»; esta versión de Tambo lee «%2».</translation>
    </message>
    <message>
        <source>The mapping&apos;s &quot;decimal&quot; must be auto, point or comma, not “%1”.</source>
        <translation>El valor &quot;decimal&quot; del mapeo debe ser auto, point o comma, no «%1».</translation>
    </message>
    <message>
        <source>The mapping names an unknown field “%1”.</source>
        <translation>El mapeo menciona un dato desconocido, «%1».</translation>
    </message>
    <message>
        <source>The mapping does not say which column holds the código patrimonial.</source>
        <translation>El mapeo no indica qué columna tiene el código patrimonial.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se pudo escribir %1: %2</translation>
    </message>
    <message>
        <source>Cannot open the mapping %1: %2</source>
        <translation>No se pudo abrir el mapeo %1: %2</translation>
    </message>
    <message>
        <source>The mapping %1 is not valid JSON: %2</source>
        <translation>El mapeo %1 no es un JSON válido: %2</translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::ImportPreviewModel</name>
    <message>
        <source>Row</source>
        <translation>Fila</translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::ImportProblemModel</name>
    <message>
        <source>Row</source>
        <translation>Fila</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::InventoryPage</name>
    <message>
        <source>&amp;We are here</source>
        <translation>&amp;Estamos aquí</translation>
    </message>
    <message>
        <source>Room, e.g. OFICINA 204</source>
        <translation>Ambiente, p. ej. OFICINA 204</translation>
    </message>
    <message>
        <source>As in the register</source>
        <translation>Como en el registro</translation>
    </message>
    <message>
        <source>The condition the team sees, for the next scan only</source>
        <translation>El estado que ve el equipo, solo para el siguiente escaneo</translation>
    </message>
    <message>
        <source>Scan, or type 12 digits and press Enter</source>
        <translation>Escanee, o escriba los 12 dígitos y pulse Intro</translation>
    </message>
    <message>
        <source>Código patrimonial scanned</source>
        <translation>Código patrimonial escaneado</translation>
    </message>
    <message>
        <source>&amp;Campaign:</source>
        <translation>&amp;Campaña:</translation>
    </message>
    <message>
        <source>&amp;Area:</source>
        <translation>Á&amp;rea:</translation>
    </message>
    <message>
        <source>Roo&amp;m:</source>
        <translation>A&amp;mbiente:</translation>
    </message>
    <message>
        <source>Código &amp;patrimonial:</source>
        <translation>Código &amp;patrimonial:</translation>
    </message>
    <message>
        <source>&amp;Observed condition:</source>
        <translation>Estado &amp;observado:</translation>
    </message>
    <message>
        <source>Progress per area and room</source>
        <translation>Avance por área y ambiente</translation>
    </message>
    <message>
        <source>Every código</source>
        <translation>Todos los códigos</translation>
    </message>
    <message>
        <source>Condition changed</source>
        <translation>Estado cambiado</translation>
    </message>
    <message>
        <source>Outcome of each código</source>
        <translation>Resultado de cada código</translation>
    </message>
    <message>
        <source>Pro&amp;gress per area and room:</source>
        <translation>A&amp;vance por área y ambiente:</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>Mo&amp;strar:</translation>
    </message>
    <message>
        <source>%1 (closed)</source>
        <translation>%1 (cerrada)</translation>
    </message>
    <message>
        <source>No campaign is in progress. The jefe de patrimonio starts one on the page “Campañas de inventario”.</source>
        <translation>No hay ninguna campaña en curso. El jefe de patrimonio la inicia en la página «Campañas de inventario».</translation>
    </message>
    <message>
        <source>%1 · (no area)</source>
        <translation>%1 · (sin área)</translation>
    </message>
    <message>
        <source>Choose the area and type or pick the room.</source>
        <translation>Elija el área y escriba o elija el ambiente.</translation>
    </message>
    <message>
        <source>%1 is outside the scope of this campaign.</source>
        <translation>%1 está fuera del alcance de esta campaña.</translation>
    </message>
    <message>
        <source>The team is in: %1 (label %2)</source>
        <translation>El equipo está en: %1 (etiqueta %2)</translation>
    </message>
    <message>
        <source>Now scanning in %1.</source>
        <translation>Ahora se escanea en %1.</translation>
    </message>
    <message>
        <source>The room label %1 is not a room of this campaign.</source>
        <translation>La etiqueta de ambiente %1 no corresponde a ningún ambiente de esta campaña.</translation>
    </message>
    <message>
        <source>“%1” is not a código patrimonial: %2</source>
        <translation>«%1» no es un código patrimonial: %2</translation>
    </message>
    <message>
        <source>Choose a campaign in progress first.</source>
        <translation>Primero elija una campaña en curso.</translation>
    </message>
    <message>
        <source>Choose the room where the team is (or scan its label) before scanning %1.</source>
        <translation>Elija el ambiente donde está el equipo (o escanee su etiqueta) antes de escanear %1.</translation>
    </message>
    <message numerus="yes">
        <source>Already scanned: %1 (%2) has been scanned %n time(s) in this campaign; it counts once.</source>
        <translation>
            <numerusform>Ya escaneado: %1 (%2) se escaneó %n vez en esta campaña; cuenta una sola vez.</numerusform>
            <numerusform>Ya escaneado: %1 (%2) se escaneó %n veces en esta campaña; cuenta una sola vez.</numerusform>
        </translation>
    </message>
    <message>
        <source>not in the register</source>
        <translation>no registrado</translation>
    </message>
    <message>
        <source>The code %1 is not in the register: recorded as a sobrante. Check the label.</source>
        <translation>El código %1 no está en el registro: se anotó como sobrante. Revise la etiqueta.</translation>
    </message>
    <message>
        <source>%1 (%2) is registered in %3, outside this campaign: recorded as a sobrante.</source>
        <translation>%1 (%2) está registrado en %3, fuera de esta campaña: se anotó como sobrante.</translation>
    </message>
    <message>
        <source>%1 (%2) is registered in %3: recorded as found in another place.</source>
        <translation>%1 (%2) está registrado en %3: se anotó como encontrado en otro lugar.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Condition changed: %1 → %2.</source>
        <translation>Estado cambiado: %1 → %2.</translation>
    </message>
    <message>
        <source>Expected %1 · found %2 · found elsewhere %3 · pending %4 · surplus %5 · condition changed %6 · scanned more than once %7 · %8 scan(s)</source>
        <translation>A inventariar %1 · encontrados %2 · en otro lugar %3 · pendientes %4 · sobrantes %5 · estado cambiado %6 · escaneados más de una vez %7 · %8 escaneo(s)</translation>
    </message>
    <message>
        <source>Choose the area and the room where the team is, or scan the room&apos;s label.</source>
        <translation>Elija el área y el ambiente donde está el equipo, o escanee la etiqueta del ambiente.</translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::InventoryProgressModel</name>
    <message>
        <source>Place</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Esperados</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Encontrados</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendientes</translation>
    </message>
    <message>
        <source>Scanned here</source>
        <translation>Leídos aquí</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Avance</translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::LabelAdminCommand</name>
    <message>
        <source>tambo-admin: %1</source>
        <translation>tambo-admin: %1</translation>
    </message>
    <message>
        <source>Use &apos;tambo-admin --help&apos; to see the commands.</source>
        <translation>Use «tambo-admin --help» para ver los comandos.</translation>
    </message>
    <message>
        <source>--profile P --out FILE.pdf [--skip N] (CODES… | --all)
                                       asset labels as PDF; --list-profiles shows the profiles</source>
        <translation>--profile P --out ARCHIVO.pdf [--skip N] (CÓDIGOS… | --all)
                                       etiquetas de bienes en PDF; --list-profiles muestra los perfiles</translation>
    </message>
    <message>
        <source>Label profile: an id (see --list-profiles) or a JSON file with one profile.</source>
        <translation>Perfil de etiqueta: un identificador (vea --list-profiles) o un archivo JSON con un perfil.</translation>
    </message>
    <message>
        <source>PDF file to write.</source>
        <translation>Archivo PDF a escribir.</translation>
    </message>
    <message>
        <source>A label for every asset in the register, by code.</source>
        <translation>Una etiqueta por cada bien del registro, por código.</translation>
    </message>
    <message>
        <source>Label positions to leave empty at the start of the first sheet.</source>
        <translation>Posiciones de etiqueta que se dejan vacías al inicio de la primera hoja.</translation>
    </message>
    <message>
        <source>List the label profiles and exit.</source>
        <translation>Lista los perfiles de etiqueta y termina.</translation>
    </message>
    <message>
        <source>tambo-admin: warning: %1</source>
        <translation>tambo-admin: aviso: %1</translation>
    </message>
    <message>
        <source>--profile is required (one of: %1)</source>
        <translation>falta --profile (uno de: %1)</translation>
    </message>
    <message>
        <source>--out is required</source>
        <translation>falta --out</translation>
    </message>
    <message>
        <source>give the códigos patrimoniales to label, or --all for every asset</source>
        <translation>indique los códigos patrimoniales a etiquetar, o --all para todos los bienes</translation>
    </message>
    <message>
        <source>give either códigos or --all, not both</source>
        <translation>indique códigos o --all, no ambos</translation>
    </message>
    <message>
        <source>--skip needs a number of label positions (0 or more)</source>
        <translation>--skip necesita un número de posiciones de etiqueta (0 o más)</translation>
    </message>
    <message>
        <source>unknown label profile &apos;%1&apos; (profiles: %2; or give a JSON file)</source>
        <translation>perfil de etiqueta desconocido «%1» (perfiles: %2; o indique un archivo JSON)</translation>
    </message>
    <message>
        <source>drawing labels needs a QGuiApplication.</source>
        <translation>dibujar etiquetas necesita una QGuiApplication.</translation>
    </message>
    <message>
        <source>the patrimonio module has no store.</source>
        <translation>el módulo de patrimonio no tiene almacén.</translation>
    </message>
    <message>
        <source>tambo-admin: no labels were written.</source>
        <translation>tambo-admin: no se escribió ninguna etiqueta.</translation>
    </message>
    <message>
        <source>the register is empty: there is nothing to label.</source>
        <translation>el registro está vacío: no hay nada que etiquetar.</translation>
    </message>
    <message numerus="yes">
        <source>%n label(s)</source>
        <translation>
            <numerusform>%n etiqueta</numerusform>
            <numerusform>%n etiquetas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n página</numerusform>
            <numerusform>%n páginas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::LabelPrintDialog</name>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>Guardar como P&amp;DF…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <source>Print labels</source>
        <translation>Imprimir etiquetas</translation>
    </message>
    <message>
        <source>Save labels as PDF</source>
        <translation>Guardar etiquetas como PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Label profile</source>
        <translation>Perfil de etiqueta</translation>
    </message>
    <message>
        <source>On a sheet already partly used, the first free label position (counted row by row from the top left)</source>
        <translation>En una hoja ya usada en parte, la primera posición libre (contada fila por fila desde arriba a la izquierda)</translation>
    </message>
    <message>
        <source>Preview of the first sheet</source>
        <translation>Vista previa de la primera hoja</translation>
    </message>
    <message>
        <source>Preview of the first label</source>
        <translation>Vista previa de la primera etiqueta</translation>
    </message>
    <message>
        <source>Save the labels as a PDF file (Ctrl+S)</source>
        <translation>Guardar las etiquetas en un archivo PDF (Ctrl+S)</translation>
    </message>
    <message>
        <source>Send the labels to a printer (Ctrl+P)</source>
        <translation>Enviar las etiquetas a una impresora (Ctrl+P)</translation>
    </message>
    <message>
        <source>Pro&amp;file:</source>
        <translation>Per&amp;fil:</translation>
    </message>
    <message>
        <source>S&amp;tart at position:</source>
        <translation>Empezar en la posi&amp;ción:</translation>
    </message>
    <message>
        <source>Those codes get no label.</source>
        <translation>Esos códigos no llevan etiqueta.</translation>
    </message>
    <message numerus="yes">
        <source>%n label(s)</source>
        <translation>
            <numerusform>%n etiqueta</numerusform>
            <numerusform>%n etiquetas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n página</numerusform>
            <numerusform>%n páginas</numerusform>
        </translation>
    </message>
    <message>
        <source>No labels to show.</source>
        <translation>No hay etiquetas que mostrar.</translation>
    </message>
    <message>
        <source>labels-%1.pdf</source>
        <translation>etiquetas-%1.pdf</translation>
    </message>
    <message>
        <source>Nothing saved.</source>
        <translation>No se guardó nada.</translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) saved in %1.</source>
        <translation>
            <numerusform>%n etiqueta guardada en %1.</numerusform>
            <numerusform>%n etiquetas guardadas en %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Asset labels</source>
        <translation>Etiquetas patrimoniales</translation>
    </message>
    <message>
        <source>Nothing printed.</source>
        <translation>No se imprimió nada.</translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) sent to %1.</source>
        <translation>
            <numerusform>%n etiqueta enviada a %1.</numerusform>
            <numerusform>%n etiquetas enviadas a %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::LabelProfile</name>
    <message>
        <source>%1: &apos;%2&apos; must be a number (millimetres).</source>
        <translation>%1: «%2» debe ser un número (milímetros).</translation>
    </message>
    <message>
        <source>Label profile &apos;%1&apos;: %2</source>
        <translation>Perfil de etiqueta «%1»: %2</translation>
    </message>
    <message>
        <source>the id must be lower-case letters, digits, &apos;.&apos;, &apos;-&apos; or &apos;_&apos;.</source>
        <translation>el identificador solo puede tener minúsculas, dígitos, «.», «-» o «_».</translation>
    </message>
    <message>
        <source>it has no name.</source>
        <translation>no tiene nombre.</translation>
    </message>
    <message>
        <source>the label size must be positive.</source>
        <translation>el tamaño de la etiqueta debe ser positivo.</translation>
    </message>
    <message>
        <source>the page size must be positive.</source>
        <translation>el tamaño de la página debe ser positivo.</translation>
    </message>
    <message>
        <source>columns must be 1 to 20 and rows 1 to 40.</source>
        <translation>las columnas deben ser de 1 a 20 y las filas de 1 a 40.</translation>
    </message>
    <message>
        <source>margins, gaps and padding cannot be negative.</source>
        <translation>los márgenes, separaciones y bordes interiores no pueden ser negativos.</translation>
    </message>
    <message>
        <source>the labels reach %1 mm from the left edge, but the page is %2 mm wide.</source>
        <translation>las etiquetas llegan a %1 mm del borde izquierdo, pero la página mide %2 mm de ancho.</translation>
    </message>
    <message>
        <source>the labels reach %1 mm from the top edge, but the page is %2 mm high.</source>
        <translation>las etiquetas llegan a %1 mm del borde superior, pero la página mide %2 mm de alto.</translation>
    </message>
    <message>
        <source>a Code 128 label needs at least %1 × %2 mm inside the padding.</source>
        <translation>una etiqueta Code 128 necesita al menos %1 × %2 mm dentro del borde interior.</translation>
    </message>
    <message>
        <source>a QR label needs at least %1 mm of height and twice that of width inside the padding.</source>
        <translation>una etiqueta QR necesita al menos %1 mm de alto y el doble de ancho dentro del borde interior.</translation>
    </message>
    <message>
        <source>%1 × %2 mm</source>
        <translation>%1 × %2 mm</translation>
    </message>
    <message>
        <source>Roll, one label of %1 a page, %2</source>
        <translation>Rollo, una etiqueta de %1 por página, %2</translation>
    </message>
    <message>
        <source>Sheet of %1 × %2 mm, %3 × %4 labels of %5, %6</source>
        <translation>Hoja de %1 × %2 mm, %3 × %4 etiquetas de %5, %6</translation>
    </message>
    <message>
        <source>A label profile</source>
        <translation>Un perfil de etiqueta</translation>
    </message>
    <message>
        <source>Label profile &apos;%1&apos;</source>
        <translation>Perfil de etiqueta «%1»</translation>
    </message>
    <message>
        <source>%1: the id must be lower-case letters, digits, &apos;.&apos;, &apos;-&apos; or &apos;_&apos;.</source>
        <translation>%1: el identificador solo puede tener minúsculas, dígitos, «.», «-» o «_».</translation>
    </message>
    <message>
        <source>%1: unknown barcode &apos;%2&apos; (use &quot;code128&quot; or &quot;qr&quot;).</source>
        <translation>%1: código de barras desconocido «%2» (use &quot;code128&quot; o &quot;qr&quot;).</translation>
    </message>
    <message>
        <source>%1: columns and rows must be whole numbers.</source>
        <translation>%1: las columnas y filas deben ser números enteros.</translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::LabelProfileCatalog</name>
    <message>
        <source>The built-in label profiles are missing from this build.</source>
        <translation>Faltan los perfiles de etiqueta incorporados en esta compilación.</translation>
    </message>
    <message>
        <source>%1: cannot be read (%2).</source>
        <translation>%1: no se puede leer (%2).</translation>
    </message>
    <message>
        <source>%1: not valid JSON (%2 at byte %3).</source>
        <translation>%1: no es JSON válido (%2 en el byte %3).</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1: holds %n profile(s); give a file with exactly one.</source>
        <translation>
            <numerusform>%1: contiene %n perfil; indique un archivo con exactamente uno.</numerusform>
            <numerusform>%1: contiene %n perfiles; indique un archivo con exactamente uno.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::LabelService</name>
    <message>
        <source>You may not print asset labels (permission %1).</source>
        <translation>No puede imprimir etiquetas de bienes (permiso %1).</translation>
    </message>
    <message numerus="yes">
        <source>%n code(s) are not a código patrimonial: %1</source>
        <translation>
            <numerusform>%n código no es un código patrimonial: %1</numerusform>
            <numerusform>%n códigos no son códigos patrimoniales: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n code(s) are not in the register: %1</source>
        <translation>
            <numerusform>%n código no está en el registro: %1</numerusform>
            <numerusform>%n códigos no están en el registro: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::LabelSheetRenderer</name>
    <message>
        <source>There are no labels to print.</source>
        <translation>No hay etiquetas que imprimir.</translation>
    </message>
    <message>
        <source>The printer or file could not be opened for the labels.</source>
        <translation>No se pudo abrir la impresora o el archivo para las etiquetas.</translation>
    </message>
    <message>
        <source>The printer refused a new page after page %1.</source>
        <translation>La impresora rechazó una página nueva después de la página %1.</translation>
    </message>
    <message>
        <source>The labels could not be finished on the printer or file.</source>
        <translation>No se pudieron terminar las etiquetas en la impresora o el archivo.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>Asset labels</source>
        <translation>Etiquetas patrimoniales</translation>
    </message>
    <message>
        <source>Out of memory for a page of labels.</source>
        <translation>Memoria insuficiente para una página de etiquetas.</translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::MovementActa</name>
    <message>
        <source>ACTA OF ASSIGNMENT OF ASSETS</source>
        <translation>ACTA DE ASIGNACIÓN DE BIENES</translation>
    </message>
    <message>
        <source>ACTA OF TRANSFER OF ASSETS</source>
        <translation>ACTA DE DESPLAZAMIENTO DE BIENES</translation>
    </message>
    <message>
        <source>ACTA OF RETURN OF ASSETS</source>
        <translation>ACTA DE DEVOLUCIÓN DE BIENES</translation>
    </message>
    <message>
        <source>ACTA OF WRITE-OFF (BAJA) OF ASSETS</source>
        <translation>ACTA DE BAJA DE BIENES</translation>
    </message>
    <message>
        <source>Municipalidad Provincial de Tacna</source>
        <translation>Municipalidad Provincial de Tacna</translation>
    </message>
    <message>
        <source>Oficina de Control Patrimonial</source>
        <translation>Oficina de Control Patrimonial</translation>
    </message>
    <message>
        <source>N.º %1</source>
        <translation>N.º %1</translation>
    </message>
    <message>
        <source>(not approved)</source>
        <translation>(no aprobada)</translation>
    </message>
    <message>
        <source>In Tacna, on %1, the assets listed below are recorded as follows.</source>
        <translation>En Tacna, a los %1, se deja constancia del movimiento de los bienes que se detallan a continuación.</translation>
    </message>
    <message>
        <source>Movement:</source>
        <translation>Movimiento:</translation>
    </message>
    <message>
        <source>Destination:</source>
        <translation>Destino:</translation>
    </message>
    <message>
        <source>Receiving custodian:</source>
        <translation>Responsable que recibe:</translation>
    </message>
    <message>
        <source>Resolution:</source>
        <translation>Resolución:</translation>
    </message>
    <message>
        <source>New condition:</source>
        <translation>Nuevo estado:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Motivo:</translation>
    </message>
    <message>
        <source>Proposed by:</source>
        <translation>Propuesto por:</translation>
    </message>
    <message>
        <source>Approved by:</source>
        <translation>Aprobado por:</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>N.º</translation>
    </message>
    <message>
        <source>Código patrimonial</source>
        <translation>Código patrimonial</translation>
    </message>
    <message>
        <source>Denomination</source>
        <translation>Denominación</translation>
    </message>
    <message>
        <source>From (place / custodian)</source>
        <translation>Procedencia (ubicación / responsable)</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Estado</translation>
    </message>
    <message numerus="yes">
        <source>Total: %n asset(s).</source>
        <translation>
            <numerusform>Total: %n bien.</numerusform>
            <numerusform>Total: %n bienes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Custodian</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Jefe de Control Patrimonial</source>
        <translation>Jefe de Control Patrimonial</translation>
    </message>
    <message>
        <source>Comisión / Oficina de Contabilidad</source>
        <translation>Comisión / Oficina de Contabilidad</translation>
    </message>
    <message>
        <source>Hands over</source>
        <translation>Entrega</translation>
    </message>
    <message>
        <source>Receives</source>
        <translation>Recibe</translation>
    </message>
    <message>
        <source>Only an approved movement has an acta.</source>
        <translation>Solo un movimiento aprobado tiene acta.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se pudo escribir %1: %2</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>No se pudo escribir %1.</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Página %1 de %2</translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::MovementProposalDialog</name>
    <message>
        <source>Propose a movement</source>
        <translation>Proponer un movimiento</translation>
    </message>
    <message>
        <source>One código patrimonial per line (type or scan)</source>
        <translation>Un código patrimonial por línea (escríbalo o léalo con la pistola)</translation>
    </message>
    <message>
        <source>(unchanged)</source>
        <translation>(sin cambio)</translation>
    </message>
    <message>
        <source>e.g. R.G.A. N.º 123-2026-GA/MPT</source>
        <translation>p. ej. R.G.A. N.º 123-2026-GA/MPT</translation>
    </message>
    <message>
        <source>&amp;Movement:</source>
        <translation>&amp;Movimiento:</translation>
    </message>
    <message>
        <source>&amp;Assets:</source>
        <translation>&amp;Bienes:</translation>
    </message>
    <message>
        <source>To &amp;sede:</source>
        <translation>&amp;Sede de destino:</translation>
    </message>
    <message>
        <source>To a&amp;rea:</source>
        <translation>Á&amp;rea de destino:</translation>
    </message>
    <message>
        <source>To r&amp;oom:</source>
        <translation>Ambien&amp;te de destino:</translation>
    </message>
    <message>
        <source>&amp;Custodian:</source>
        <translation>Respo&amp;nsable:</translation>
    </message>
    <message>
        <source>New con&amp;dition:</source>
        <translation>Nuevo &amp;estado:</translation>
    </message>
    <message>
        <source>Reso&amp;lution:</source>
        <translation>Reso&amp;lución:</translation>
    </message>
    <message>
        <source>Rea&amp;son:</source>
        <translation>M&amp;otivo:</translation>
    </message>
    <message>
        <source>&amp;Propose</source>
        <translation>&amp;Proponer</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguna)</translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::MovementRepository</name>
    <message>
        <source>Assignment</source>
        <translation>Asignación</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Desplazamiento</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Devolución</translation>
    </message>
    <message>
        <source>Write-off</source>
        <translation>Baja</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Aprobado</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rechazado</translation>
    </message>
    <message>
        <source>propose movements of assets</source>
        <translation>proponer movimientos de bienes</translation>
    </message>
    <message>
        <source>A movement needs at least one asset.</source>
        <translation>Un movimiento necesita al menos un bien.</translation>
    </message>
    <message>
        <source>An assignment needs the new custodian.</source>
        <translation>Una asignación necesita el nuevo responsable.</translation>
    </message>
    <message>
        <source>A transfer needs the destination sede.</source>
        <translation>Un desplazamiento necesita la sede de destino.</translation>
    </message>
    <message>
        <source>A return needs the sede where the assets are returned.</source>
        <translation>Una devolución necesita la sede donde se devuelven los bienes.</translation>
    </message>
    <message>
        <source>A write-off (baja) needs the reference of its resolution.</source>
        <translation>Una baja necesita la referencia de su resolución.</translation>
    </message>
    <message>
        <source>Give the sede of the destination area.</source>
        <translation>Indique la sede del área de destino.</translation>
    </message>
    <message>
        <source>The sede “%1” does not exist.</source>
        <translation>La sede «%1» no existe.</translation>
    </message>
    <message>
        <source>The area “%1” does not exist.</source>
        <translation>El área «%1» no existe.</translation>
    </message>
    <message>
        <source>The area “%1” does not belong to the sede “%2”.</source>
        <translation>El área «%1» no pertenece a la sede «%2».</translation>
    </message>
    <message>
        <source>Cannot read the register: %1</source>
        <translation>No se pudo leer el registro de bienes: %1</translation>
    </message>
    <message>
        <source>The código patrimonial %1 is not in the register.</source>
        <translation>El código patrimonial %1 no está en el registro de bienes.</translation>
    </message>
    <message>
        <source>Cannot read the movements: %1</source>
        <translation>No se pudo leer los movimientos: %1</translation>
    </message>
    <message>
        <source>The asset %1 already has a movement waiting for approval; the jefe de patrimonio must approve or reject it first.</source>
        <translation>El bien %1 ya tiene un movimiento pendiente de aprobación; primero el jefe de patrimonio debe aprobarlo o rechazarlo.</translation>
    </message>
    <message>
        <source>Cannot write the movement: %1</source>
        <translation>No se pudo registrar el movimiento: %1</translation>
    </message>
    <message>
        <source>see the movements of assets</source>
        <translation>ver los movimientos de bienes</translation>
    </message>
    <message>
        <source>The movement does not exist.</source>
        <translation>El movimiento no existe.</translation>
    </message>
    <message>
        <source>approve movements of assets</source>
        <translation>aprobar movimientos de bienes</translation>
    </message>
    <message>
        <source>This movement was already %1.</source>
        <translation>Este movimiento ya fue %1.</translation>
    </message>
    <message>
        <source>The asset %1 is no longer in the register.</source>
        <translation>El bien %1 ya no está en el registro.</translation>
    </message>
    <message>
        <source>The asset %1 changed after this movement was proposed (its place, custodian or condition is no longer the proposed one): reject the movement and propose it again.</source>
        <translation>El bien %1 cambió después de proponerse este movimiento (su ubicación, responsable o estado ya no son los de la propuesta): rechace el movimiento y propóngalo de nuevo.</translation>
    </message>
    <message>
        <source>Written off (baja) by %1; acta %2.</source>
        <translation>Dado de baja por %1; acta %2.</translation>
    </message>
    <message>
        <source>Cannot update %1: %2</source>
        <translation>No se pudo actualizar %1: %2</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <source>%1 approved (acta %2), proposed by %3.</source>
        <translation>%1 aprobada (acta %2), propuesta por %3.</translation>
    </message>
    <message>
        <source>Resolution: %1.</source>
        <translation>Resolución: %1.</translation>
    </message>
    <message>
        <source>Cannot write the asset&apos;s history: %1</source>
        <translation>No se pudo escribir el historial del bien: %1</translation>
    </message>
    <message>
        <source>Cannot write the decision: %1</source>
        <translation>No se pudo registrar la decisión: %1</translation>
    </message>
    <message>
        <source>reject movements of assets</source>
        <translation>rechazar movimientos de bienes</translation>
    </message>
    <message>
        <source>Say why the movement is rejected.</source>
        <translation>Indique por qué se rechaza el movimiento.</translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::MovementTableModel</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 y %n más</numerusform>
            <numerusform>%1 y %n más</numerusform>
        </translation>
    </message>
    <message>
        <source>Write-off: %1</source>
        <translation>Baja: %1</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Situación</translation>
    </message>
    <message>
        <source>Movement</source>
        <translation>Movimiento</translation>
    </message>
    <message>
        <source>Assets</source>
        <translation>Bienes</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hacia</translation>
    </message>
    <message>
        <source>Proposed by</source>
        <translation>Propuesto por</translation>
    </message>
    <message>
        <source>Proposed on</source>
        <translation>Fecha de propuesta</translation>
    </message>
    <message>
        <source>Acta</source>
        <translation>Acta</translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::MovementsPage</name>
    <message>
        <source>&amp;Only pending proposals</source>
        <translation>&amp;Solo propuestas pendientes</translation>
    </message>
    <message>
        <source>&amp;Propose…</source>
        <translation>&amp;Proponer…</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Aprobar</translation>
    </message>
    <message>
        <source>&amp;Reject…</source>
        <translation>&amp;Rechazar…</translation>
    </message>
    <message>
        <source>Ac&amp;ta PDF…</source>
        <translation>Ac&amp;ta PDF…</translation>
    </message>
    <message>
        <source>Movements</source>
        <translation>Movimientos</translation>
    </message>
    <message>
        <source>Proposal registered; the jefe de patrimonio must approve it.</source>
        <translation>Propuesta registrada; el jefe de patrimonio debe aprobarla.</translation>
    </message>
    <message>
        <source>Approved: acta %1. The assets and their history are updated.</source>
        <translation>Aprobado: acta %1. Los bienes y su historial están actualizados.</translation>
    </message>
    <message>
        <source>Reject movement</source>
        <translation>Rechazar movimiento</translation>
    </message>
    <message>
        <source>Reason for the rejection:</source>
        <translation>Motivo del rechazo:</translation>
    </message>
    <message>
        <source>Movement rejected; the assets do not change.</source>
        <translation>Movimiento rechazado; los bienes no cambian.</translation>
    </message>
    <message>
        <source>Save acta</source>
        <translation>Guardar acta</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Acta saved in %1.</source>
        <translation>Acta guardada en %1.</translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::PatrimonioDemo</name>
    <message>
        <source>The demo catálogo is missing from this build (%1).</source>
        <translation>Esta versión no incluye el catálogo de demostración (%1).</translation>
    </message>
    <message>
        <source>The demo register needs core&apos;s demo sedes and areas first.</source>
        <translation>El registro de demostración necesita primero las sedes y áreas de demostración del núcleo.</translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::PatrimonioPlugin</name>
    <message>
        <source>Fixed assets</source>
        <translation>Patrimonio</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Escanear</translation>
    </message>
    <message>
        <source>The patrimonio module has no store.</source>
        <translation>El módulo de patrimonio no tiene almacén.</translation>
    </message>
    <message>
        <source>Asset register</source>
        <translation>Registro de bienes</translation>
    </message>
    <message>
        <source>Inventory campaigns</source>
        <translation>Campañas de inventario</translation>
    </message>
    <message>
        <source>Stocktaking</source>
        <translation>Toma de inventario</translation>
    </message>
    <message>
        <source>Movements</source>
        <translation>Movimientos</translation>
    </message>
    <message>
        <source>See the asset register and scan labels</source>
        <translation>Ver el registro de bienes y escanear etiquetas</translation>
    </message>
    <message>
        <source>Register assets and edit their description</source>
        <translation>Registrar bienes y modificar su descripción</translation>
    </message>
    <message>
        <source>Approve changes of custody, value and end of life of assets</source>
        <translation>Aprobar cambios de responsable, valor y baja de bienes</translation>
    </message>
    <message>
        <source>Add notes to an asset&apos;s history</source>
        <translation>Agregar notas al historial de un bien</translation>
    </message>
    <message>
        <source>Import and edit the SBN catálogo</source>
        <translation>Importar y editar el catálogo de la SBN</translation>
    </message>
    <message>
        <source>Scan assets in an inventory campaign</source>
        <translation>Escanear bienes en una campaña de inventario</translation>
    </message>
    <message>
        <source>Create, start and close inventory campaigns</source>
        <translation>Crear, iniciar y cerrar campañas de inventario</translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::PatrimonioSchema</name>
    <message>
        <source>catálogo, asset register and asset history</source>
        <translation>catálogo, registro de bienes e historial de bienes</translation>
    </message>
    <message>
        <source>inventory campaigns, their scans and results</source>
        <translation>campañas de inventario, sus escaneos y resultados</translation>
    </message>
    <message>
        <source>movements of assets: proposals, their assets and decisions</source>
        <translation>movimientos de bienes: propuestas, sus bienes y decisiones</translation>
    </message>
    <message>
        <source>history of an asset moved to another sede leaves this PC</source>
        <translation>el historial de un bien trasladado a otra sede sale de este equipo</translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::RepositoryError</name>
    <message>
        <source>You may not %1 (permission %2).</source>
        <translation>No tiene permiso para %1 (permiso %2).</translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::ScanPage</name>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <source>Scan the label of each asset: it opens at once, wherever the cursor is. You can also type the 12-digit code and press Enter.</source>
        <translation>Escanee la etiqueta de cada bien: se abre al instante, esté donde esté el cursor. También puede escribir el código de 12 dígitos y pulsar Intro.</translation>
    </message>
    <message>
        <source>Código &amp;patrimonial:</source>
        <translation>Código &amp;patrimonial:</translation>
    </message>
    <message>
        <source>Scan or type 12 digits and press Enter</source>
        <translation>Escanee o escriba 12 dígitos y pulse Intro</translation>
    </message>
    <message>
        <source>Código patrimonial to look up</source>
        <translation>Código patrimonial a buscar</translation>
    </message>
    <message>
        <source>&amp;Start over</source>
        <translation>&amp;Empezar de nuevo</translation>
    </message>
    <message>
        <source>Forget which codes were scanned, so none counts as repeated</source>
        <translation>Olvida los códigos escaneados, para que ninguno cuente como repetido</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Scans of this session</source>
        <translation>Lecturas de esta sesión</translation>
    </message>
    <message>
        <source>Scans of this &amp;session:</source>
        <translation>Lecturas de esta &amp;sesión:</translation>
    </message>
    <message>
        <source>Scan a label to see the asset here.</source>
        <translation>Escanee una etiqueta para ver aquí el bien.</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Encontrado</translation>
    </message>
    <message numerus="yes">
        <source>Repeated (%n time(s))</source>
        <translation>
            <numerusform>Repetido (%n vez)</numerusform>
            <numerusform>Repetido (%n veces)</numerusform>
        </translation>
    </message>
    <message>
        <source>Not in the register</source>
        <translation>No está en el registro</translation>
    </message>
    <message>
        <source>Not a código patrimonial</source>
        <translation>No es un código patrimonial</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message numerus="yes">
        <source>%n scan(s)</source>
        <translation>
            <numerusform>%n lectura</numerusform>
            <numerusform>%n lecturas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n distinct asset(s) found</source>
        <translation>
            <numerusform>%n bien distinto encontrado</numerusform>
            <numerusform>%n bienes distintos encontrados</numerusform>
        </translation>
    </message>
    <message>
        <source>Started over: no code counts as scanned.</source>
        <translation>Se empezó de nuevo: ningún código cuenta como escaneado.</translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::ScanSession</name>
    <message>
        <source>The code %1 is not in the register. Check the label, or report it as a sobrante.</source>
        <translation>El código %1 no está en el registro. Revise la etiqueta o repórtelo como sobrante.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Already scanned: %1 (%2) has been scanned %n time(s) in this session.</source>
        <translation>
            <numerusform>Ya escaneado: %1 (%2) se escaneó %n vez en esta sesión.</numerusform>
            <numerusform>Ya escaneado: %1 (%2) se escaneó %n veces en esta sesión.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tambo::shell::AboutDialog</name>
    <message>
        <source>About Tambo</source>
        <translation>Acerca de Tambo</translation>
    </message>
    <message>
        <source>Back-office suite of the Municipalidad Provincial de Tacna</source>
        <translation>Sistema de gestión administrativa de la Municipalidad Provincial de Tacna</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>no disponible</translation>
    </message>
    <message>
        <source>Free software under the GNU General Public License, version 3 or (at your option) any later version (GPL-3.0-or-later). It comes with ABSOLUTELY NO WARRANTY.</source>
        <translation>Software libre bajo la Licencia Pública General de GNU, versión 3 o (a su elección) cualquier versión posterior (GPL-3.0-or-later). Se distribuye SIN NINGUNA GARANTÍA.</translation>
    </message>
    <message>
        <source>Qt %1</source>
        <translation>Qt %1</translation>
    </message>
    <message>
        <source>SQLCipher %1</source>
        <translation>SQLCipher %1</translation>
    </message>
    <message>
        <source>Municipalidad Provincial de Tacna — Oficina de Tecnologías de la Información y Comunicaciones (OTIC)</source>
        <translation>Municipalidad Provincial de Tacna — Oficina de Tecnologías de la Información y Comunicaciones (OTIC)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>Municipalidad Provincial de Tacna</source>
        <translation>Municipalidad Provincial de Tacna</translation>
    </message>
</context>
<context>
    <name>tambo::shell::AddUserDialog</name>
    <message>
        <source>New user</source>
        <translation>Nuevo usuario</translation>
    </message>
    <message>
        <source>e.g. jperez</source>
        <translation>p. ej. jperez</translation>
    </message>
    <message>
        <source>(all sedes)</source>
        <translation>(todas las sedes)</translation>
    </message>
    <message numerus="yes">
        <source>at least %n character(s)</source>
        <translation>
            <numerusform>al menos %n carácter</numerusform>
            <numerusform>al menos %n caracteres</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;Nombre completo:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rol:</translation>
    </message>
    <message>
        <source>S&amp;ede:</source>
        <translation>&amp;Sede:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>&amp;Confirm password:</source>
        <translation>Con&amp;firmar contraseña:</translation>
    </message>
    <message>
        <source>C&amp;reate user</source>
        <translation>Cr&amp;ear usuario</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>C&amp;ancelar</translation>
    </message>
    <message>
        <source>Please give the user&apos;s full name.</source>
        <translation>Indique el nombre completo del usuario.</translation>
    </message>
    <message>
        <source>Please choose a role.</source>
        <translation>Elija un rol.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
</context>
<context>
    <name>tambo::shell::AuditPage</name>
    <message>
        <source>Audit log</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>Every change made through Tambo leaves a row here. Each row carries the fingerprint of the one before it, so an edited, deleted or reordered row is found by &quot;Verify chain&quot;.</source>
        <translation>Cada cambio hecho en Tambo deja una fila aquí. Cada fila lleva la huella de la anterior, de modo que «Verificar cadena» detecta cualquier fila modificada, eliminada o reordenada.</translation>
    </message>
    <message>
        <source>&amp;Verify chain</source>
        <translation>&amp;Verificar cadena</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>The audit log cannot be read: %1</source>
        <translation>No se puede leer el registro de auditoría: %1</translation>
    </message>
    <message numerus="yes">
        <source>Showing the newest %n row(s)</source>
        <translation>
            <numerusform>Se muestra la fila más reciente</numerusform>
            <numerusform>Se muestran las %n filas más recientes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n fila</numerusform>
            <numerusform>%n filas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The chain is intact: %n row(s) checked.</source>
        <translation>
            <numerusform>La cadena está íntegra: se verificó %n fila.</numerusform>
            <numerusform>La cadena está íntegra: se verificaron %n filas.</numerusform>
        </translation>
    </message>
    <message>
        <source>The chain is broken at row %1.</source>
        <translation>La cadena está rota en la fila %1.</translation>
    </message>
</context>
<context>
    <name>tambo::shell::AuditTableModel</name>
    <message>
        <source>created</source>
        <translation>creación</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>modificación</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>eliminación</translation>
    </message>
    <message>
        <source>logged in</source>
        <translation>inicio de sesión</translation>
    </message>
    <message>
        <source>failed login</source>
        <translation>inicio de sesión fallido</translation>
    </message>
    <message>
        <source>login refused</source>
        <translation>inicio de sesión rechazado</translation>
    </message>
    <message>
        <source>account locked (failed attempts)</source>
        <translation>cuenta bloqueada (intentos fallidos)</translation>
    </message>
    <message>
        <source>account locked</source>
        <translation>cuenta bloqueada</translation>
    </message>
    <message>
        <source>account unlocked</source>
        <translation>cuenta desbloqueada</translation>
    </message>
    <message>
        <source>password changed</source>
        <translation>cambio de contraseña</translation>
    </message>
    <message>
        <source>Action: %1</source>
        <translation>Acción: %1</translation>
    </message>
    <message>
        <source>Before: %1</source>
        <translation>Antes: %1</translation>
    </message>
    <message>
        <source>After: %1</source>
        <translation>Después: %1</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>Equipo: %1</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>N.º</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Fecha y hora</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>user</source>
        <translation>usuario</translation>
    </message>
    <message>
        <source>sede</source>
        <translation>sede</translation>
    </message>
    <message>
        <source>area</source>
        <translation>área</translation>
    </message>
    <message>
        <source>role</source>
        <translation>rol</translation>
    </message>
    <message>
        <source>settings</source>
        <translation>ajustes</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>entity and its id</comment>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>tambo::shell::BundleDialog</name>
    <message>
        <source>USB sync bundles</source>
        <translation>Paquetes USB</translation>
    </message>
    <message>
        <source>For sedes without a link: take this computer&apos;s pending changes to the central server on a USB drive, and bring back the server&apos;s reply bundle.</source>
        <translation>Para sedes sin enlace: lleve los cambios pendientes de este equipo al servidor central en una memoria USB y traiga de vuelta el paquete de respuesta del servidor.</translation>
    </message>
    <message>
        <source>&amp;Export to a folder…</source>
        <translation>&amp;Exportar a una carpeta…</translation>
    </message>
    <message>
        <source>the password you use on the sync server</source>
        <translation>la contraseña que usa en el servidor de sincronización</translation>
    </message>
    <message>
        <source>Server &amp;password of %1:</source>
        <translation>&amp;Contraseña del servidor de %1:</translation>
    </message>
    <message>
        <source>&amp;Import a bundle…</source>
        <translation>&amp;Importar un paquete…</translation>
    </message>
    <message>
        <source>This computer cannot sign bundles for %1 yet: it needs the key data the sync server gives at login. Connect to the sync server once with this account (File → Connect to the sync server…) while there is a link, or ask OTIC to register them (tambo-admin bundle trust-user). Importing the server&apos;s replies works meanwhile.</source>
        <translation>Este equipo aún no puede firmar paquetes de %1: necesita los datos de clave que el servidor de sincronización entrega al iniciar sesión. Conéctese una vez al servidor de sincronización con esta cuenta (Archivo → Conectar con el servidor de sincronización…) cuando haya enlace, o solicite a la OTIC que los registre (tambo-admin bundle trust-user). Mientras tanto puede importar las respuestas del servidor.</translation>
    </message>
    <message>
        <source>Folder for the bundle (USB drive)</source>
        <translation>Carpeta para el paquete (memoria USB)</translation>
    </message>
    <message>
        <source>Bundle from the central server</source>
        <translation>Paquete del servidor central</translation>
    </message>
    <message>
        <source>Tambo bundles (*.%1);;All files (*)</source>
        <translation>Paquetes de Tambo (*.%1);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Writing the bundle…</source>
        <translation>Escribiendo el paquete…</translation>
    </message>
    <message>
        <source>Importing the bundle…</source>
        <translation>Importando el paquete…</translation>
    </message>
    <message>
        <source>Enter your server password: it signs the bundle, so that the server knows it was made by you.</source>
        <translation>Ingrese su contraseña del servidor: firma el paquete, para que el servidor sepa que usted lo generó.</translation>
    </message>
    <message>
        <source>Your role may not export or import sync bundles. Ask the OTIC office.</source>
        <translation>Su rol no permite exportar ni importar paquetes de sincronización. Consulte con la OTIC.</translation>
    </message>
</context>
<context>
    <name>tambo::shell::HomePage</name>
    <message>
        <source>Welcome, %1</source>
        <translation>Bienvenido(a), %1</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Usuario:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Rol:</translation>
    </message>
    <message>
        <source>Sede:</source>
        <translation>Sede:</translation>
    </message>
    <message>
        <source>not configured (File &gt; Settings)</source>
        <translation>sin configurar (Archivo &gt; Ajustes)</translation>
    </message>
    <message>
        <source>%1 (demo data)</source>
        <translation>%1 (datos de demostración)</translation>
    </message>
    <message>
        <source>Encrypted local store:</source>
        <translation>Almacén local cifrado:</translation>
    </message>
    <message>
        <source>Modules</source>
        <translation>Módulos</translation>
    </message>
    <message>
        <source>This build has no modules yet: only the administration pages.</source>
        <translation>Esta versión aún no incluye módulos: solo las páginas de administración.</translation>
    </message>
    <message>
        <source>sede not configured</source>
        <translation>sede sin configurar</translation>
    </message>
    <message>
        <source>Go to</source>
        <translation>Ir a</translation>
    </message>
</context>
<context>
    <name>tambo::shell::LockScreen</name>
    <message>
        <source>Session locked</source>
        <translation>Sesión bloqueada</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>&amp;Cerrar sesión</translation>
    </message>
    <message>
        <source>The session of %1 (%2) was locked. Type your password to go on.</source>
        <translation>La sesión de %1 (%2) se bloqueó. Escriba su contraseña para continuar.</translation>
    </message>
    <message>
        <source>Please type your password.</source>
        <translation>Escriba su contraseña.</translation>
    </message>
    <message>
        <source>The password could not be checked. Log out and in again.</source>
        <translation>No se pudo verificar la contraseña. Cierre sesión e ingrese nuevamente.</translation>
    </message>
</context>
<context>
    <name>tambo::shell::LoginDialog</name>
    <message>
        <source>Tambo — Log in</source>
        <translation>Tambo — Iniciar sesión</translation>
    </message>
    <message>
        <source>Municipalidad Provincial de Tacna</source>
        <translation>Municipalidad Provincial de Tacna</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation>&amp;Ingresar</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Please type your username.</source>
        <translation>Escriba su nombre de usuario.</translation>
    </message>
    <message>
        <source>Please type your password.</source>
        <translation>Escriba su contraseña.</translation>
    </message>
    <message>
        <source>This account is locked. Try again after %1.</source>
        <translation>Esta cuenta está bloqueada. Vuelva a intentarlo después de las %1.</translation>
    </message>
    <message>
        <source>Wrong username or password.</source>
        <translation>Usuario o contraseña incorrectos.</translation>
    </message>
    <message>
        <source>Cannot log in right now. Please ask the OTIC office for help.</source>
        <translation>No es posible iniciar sesión en este momento. Solicite ayuda a la OTIC.</translation>
    </message>
</context>
<context>
    <name>tambo::shell::MainWindow</name>
    <message>
        <source>Home</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Usuarios</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Auditoría</translation>
    </message>
    <message>
        <source>Municipalidad Provincial de Tacna</source>
        <translation>Municipalidad Provincial de Tacna</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>A&amp;justes…</translation>
    </message>
    <message>
        <source>&amp;Lock session</source>
        <translation>&amp;Bloquear sesión</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>&amp;Cerrar sesión</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Ir a</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;About Tambo</source>
        <translation>&amp;Acerca de Tambo</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Acerca de &amp;Qt</translation>
    </message>
    <message>
        <source>%1 (version %2)</source>
        <translation>%1 (versión %2)</translation>
    </message>
    <message>
        <source>The module that offers this page has no user interface in this build.</source>
        <translation>El módulo que ofrece esta página no tiene interfaz de usuario en esta versión.</translation>
    </message>
    <message>
        <source>The module %1 could not open this page.</source>
        <translation>El módulo %1 no pudo abrir esta página.</translation>
    </message>
    <message>
        <source>%1 — Tambo</source>
        <translation>%1 — Tambo</translation>
    </message>
    <message>
        <source>Session locked — Tambo</source>
        <translation>Sesión bloqueada — Tambo</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>The settings could not be saved.

%1</source>
        <translation>No se pudo guardar los ajustes.

%1</translation>
    </message>
    <message>
        <source>Tambo will use the new language the next time it starts.</source>
        <translation>Tambo usará el nuevo idioma la próxima vez que se inicie.</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Versión %1</translation>
    </message>
    <message>
        <source>Accounts, roles and locks</source>
        <translation>Cuentas, roles y bloqueos</translation>
    </message>
    <message>
        <source>Who changed what, and the integrity check</source>
        <translation>Quién cambió qué, y la verificación de integridad</translation>
    </message>
    <message>
        <source>Module %1</source>
        <translation>Módulo %1</translation>
    </message>
    <message>
        <source>&amp;USB sync bundles…</source>
        <translation>Paquetes &amp;USB…</translation>
    </message>
    <message>
        <source>Sync conflicts</source>
        <translation>Conflictos de sincronización</translation>
    </message>
    <message>
        <source>Choose which value stays when two PCs disagree</source>
        <translation>Elegir qué valor queda cuando dos equipos no coinciden</translation>
    </message>
</context>
<context>
    <name>tambo::shell::NavigationModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>tambo::shell::ServerLoginDialog</name>
    <message>
        <source>Connect to the sync server</source>
        <translation>Conectar con el servidor de sincronización</translation>
    </message>
    <message>
        <source>This PC sends its changes to the municipality&apos;s server and receives those of its sede in the background. Enter your account on the server; the password is not stored.</source>
        <translation>Este equipo envía sus cambios al servidor de la municipalidad y recibe los de su sede en segundo plano. Ingrese su cuenta del servidor; la contraseña no se guarda.</translation>
    </message>
    <message>
        <source>(none configured)</source>
        <translation>(ninguno configurado)</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Servidor:</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Con&amp;traseña:</translation>
    </message>
    <message>
        <source>C&amp;onnect</source>
        <translation>C&amp;onectar</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>No sync server is configured on this PC: enter its address in File → Settings first.</source>
        <translation>Este equipo no tiene un servidor de sincronización: indique primero su dirección en Archivo → Ajustes.</translation>
    </message>
    <message>
        <source>Enter your username on the server.</source>
        <translation>Escriba su usuario del servidor.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Escriba su contraseña.</translation>
    </message>
    <message>
        <source>Connecting to the server…</source>
        <translation>Conectando con el servidor…</translation>
    </message>
</context>
<context>
    <name>tambo::shell::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Installation</source>
        <translation>Instalación</translation>
    </message>
    <message>
        <source>Sync &amp;server:</source>
        <translation>&amp;Servidor de sincronización:</translation>
    </message>
    <message>
        <source>S&amp;ede:</source>
        <translation>S&amp;ede:</translation>
    </message>
    <message>
        <source>&amp;Lock after:</source>
        <translation>&amp;Bloquear tras:</translation>
    </message>
    <message>
        <source>Minutes without activity before the session locks.</source>
        <translation>Minutos sin actividad antes de que la sesión se bloquee.</translation>
    </message>
    <message>
        <source>This PC</source>
        <translation>Este equipo</translation>
    </message>
    <message>
        <source>Scanner &amp;prefix:</source>
        <translation>&amp;Prefijo del lector:</translation>
    </message>
    <message>
        <source>Scanner s&amp;uffix:</source>
        <translation>S&amp;ufijo del lector:</translation>
    </message>
    <message>
        <source>What the barcode reader sends before and after each code. Write \r for Enter and \t for Tab.</source>
        <translation>Lo que el lector de códigos de barras envía antes y después de cada código. Escriba \r para Intro y \t para Tab.</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>A new language applies the next time Tambo starts.</source>
        <translation>El nuevo idioma se aplica la próxima vez que se inicie Tambo.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
    <message>
        <source>(not chosen)</source>
        <translation>(sin elegir)</translation>
    </message>
    <message>
        <source>Only OTIC administrators change this.</source>
        <translation>Solo los administradores de la OTIC pueden cambiar esto.</translation>
    </message>
    <message>
        <source>The server address must start with https:// or http:// and name a host, for example https://tambo.munitacna.gob.pe.</source>
        <translation>La dirección del servidor debe empezar con https:// o http:// e indicar un host, por ejemplo https://tambo.munitacna.gob.pe.</translation>
    </message>
    <message numerus="yes">
        <source>The scanner prefix and suffix may have at most %n character(s) each.</source>
        <translation>
            <numerusform>El prefijo y el sufijo del lector pueden tener como máximo %n carácter cada uno.</numerusform>
            <numerusform>El prefijo y el sufijo del lector pueden tener como máximo %n caracteres cada uno.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tambo::shell::Shell</name>
    <message>
        <source>Tambo</source>
        <translation>Tambo</translation>
    </message>
    <message>
        <source>Automatic login failed: %1</source>
        <translation>Falló el inicio de sesión automático: %1</translation>
    </message>
</context>
<context>
    <name>tambo::shell::ShellStatusBar</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Logged-in user</source>
        <translation>Usuario que inició sesión</translation>
    </message>
    <message>
        <source>Sede: not configured</source>
        <translation>Sede: sin configurar</translation>
    </message>
    <message>
        <source>Sede: %1</source>
        <translation>Sede: %1</translation>
    </message>
    <message>
        <source>The sede this PC works for (File &gt; Settings)</source>
        <translation>La sede a la que pertenece este equipo (Archivo &gt; Ajustes)</translation>
    </message>
    <message>
        <source>Encrypted store: %1</source>
        <translation>Almacén cifrado: %1</translation>
    </message>
    <message>
        <source>Unencrypted store: %1</source>
        <translation>Almacén sin cifrar: %1</translation>
    </message>
</context>
<context>
    <name>tambo::shell::SyncConflictTableModel</name>
    <message>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>(eliminado)</translation>
    </message>
    <message>
        <source>(changed record)</source>
        <translation>(registro modificado)</translation>
    </message>
    <message>
        <source>Edit against delete</source>
        <translation>Edición contra eliminación</translation>
    </message>
    <message>
        <source>Field conflict</source>
        <translation>Conflicto de campo</translation>
    </message>
    <message>
        <source>(whole record)</source>
        <translation>(registro completo)</translation>
    </message>
    <message>
        <source>Rejected change</source>
        <translation>Cambio rechazado</translation>
    </message>
    <message>
        <source>(new record)</source>
        <translation>(registro nuevo)</translation>
    </message>
    <message>
        <source>(deletion)</source>
        <translation>(eliminación)</translation>
    </message>
    <message>
        <source>(change)</source>
        <translation>(modificación)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabla</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>This PC</source>
        <translation>Este equipo</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Registrado</translation>
    </message>
    <message>
        <source>Edit against delete: the record was changed on one PC and deleted on another. The server kept its side for now.</source>
        <translation>Edición contra eliminación: el registro se modificó en un equipo y se eliminó en otro. Por ahora el servidor mantiene su versión.</translation>
    </message>
    <message>
        <source>Field conflict: the field %1 was changed on this PC and on another one. The server kept its value for now.</source>
        <translation>Conflicto de campo: el campo %1 se modificó en este equipo y en otro. Por ahora el servidor mantiene su valor.</translation>
    </message>
    <message>
        <source>Table: %1</source>
        <translation>Tabla: %1</translation>
    </message>
    <message>
        <source>Record: %1</source>
        <translation>Registro: %1</translation>
    </message>
    <message>
        <source>Field: %1</source>
        <translation>Campo: %1</translation>
    </message>
    <message>
        <source>Server&apos;s value: %1</source>
        <translation>Valor del servidor: %1</translation>
    </message>
    <message>
        <source>This PC&apos;s value: %1</source>
        <translation>Valor de este equipo: %1</translation>
    </message>
    <message>
        <source>Recorded: %1 (change %2 of this PC)</source>
        <translation>Registrado: %1 (cambio %2 de este equipo)</translation>
    </message>
    <message>
        <source>Keep mine (Ctrl+M) sends this PC&apos;s value to the server, over the other one. Keep theirs (Ctrl+T) leaves the server&apos;s value.</source>
        <translation>Mantener mi valor (Ctrl+M) envía el valor de este equipo al servidor, en lugar del otro. Mantener el del servidor (Ctrl+T) deja el valor del servidor.</translation>
    </message>
    <message>
        <source>The server rejected this change of this PC.</source>
        <translation>El servidor rechazó este cambio de este equipo.</translation>
    </message>
    <message>
        <source>Operation: %1</source>
        <translation>Operación: %1</translation>
    </message>
    <message>
        <source>Server message: %1</source>
        <translation>Mensaje del servidor: %1</translation>
    </message>
    <message>
        <source>Reason code: %1</source>
        <translation>Código del motivo: %1</translation>
    </message>
    <message>
        <source>Change sent: %1</source>
        <translation>Cambio enviado: %1</translation>
    </message>
    <message>
        <source>Discard (Delete) acknowledges it: it leaves this list and is not sent again. Retry (Ctrl+R) sends it again, for example once the server&apos;s data allows it.</source>
        <translation>Descartar (Supr) lo da por revisado: sale de esta lista y no se vuelve a enviar. Reintentar (Ctrl+R) lo envía otra vez, por ejemplo cuando los datos del servidor ya lo permitan.</translation>
    </message>
    <message>
        <source>Record sent: %1</source>
        <translation>Registro enviado: %1</translation>
    </message>
</context>
<context>
    <name>tambo::shell::SyncConflictsPage</name>
    <message>
        <source>Sync conflicts</source>
        <translation>Conflictos de sincronización</translation>
    </message>
    <message>
        <source>Changes of this PC that the server could not simply take: the same field changed on two PCs, a record changed on one PC and deleted on another, or a change the server rejected. Choose for each field which value stays; the choice is synchronized and recorded in the audit log.</source>
        <translation>Cambios de este equipo que el servidor no pudo aceptar sin más: el mismo campo modificado en dos equipos, un registro modificado en un equipo y eliminado en otro, o un cambio que el servidor rechazó. Elija para cada campo qué valor queda; la decisión se sincroniza y queda en la auditoría.</translation>
    </message>
    <message>
        <source>Keep &amp;mine</source>
        <translation>Mantener &amp;mi valor</translation>
    </message>
    <message>
        <source>Send this PC&apos;s value to the server (Ctrl+M)</source>
        <translation>Enviar al servidor el valor de este equipo (Ctrl+M)</translation>
    </message>
    <message>
        <source>Keep &amp;theirs</source>
        <translation>Mantener el del ser&amp;vidor</translation>
    </message>
    <message>
        <source>Leave the server&apos;s value (Ctrl+T)</source>
        <translation>Dejar el valor del servidor (Ctrl+T)</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Descartar</translation>
    </message>
    <message>
        <source>Acknowledge the rejected change; it is not sent again (Delete)</source>
        <translation>Dar por revisado el cambio rechazado; no se vuelve a enviar (Supr)</translation>
    </message>
    <message>
        <source>Re&amp;try</source>
        <translation>&amp;Reintentar</translation>
    </message>
    <message>
        <source>Send the rejected change again (Ctrl+R)</source>
        <translation>Enviar otra vez el cambio rechazado (Ctrl+R)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>Filter by table, record, field or value…</source>
        <translation>Filtrar por tabla, registro, campo o valor…</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filtrar:</translation>
    </message>
    <message>
        <source>Choose a row to see both values.</source>
        <translation>Elija una fila para ver ambos valores.</translation>
    </message>
    <message>
        <source>D&amp;etails</source>
        <translation>D&amp;etalles</translation>
    </message>
    <message>
        <source>Your role may see these conflicts but not resolve them. Ask the OTIC office.</source>
        <translation>Su rol puede ver estos conflictos pero no resolverlos. Consulte con la OTIC.</translation>
    </message>
    <message>
        <source>Nothing to resolve: the server took every change of this PC.</source>
        <translation>Nada que resolver: el servidor aceptó todos los cambios de este equipo.</translation>
    </message>
    <message>
        <source>Choose a conflict in the list first.</source>
        <translation>Primero elija un conflicto de la lista.</translation>
    </message>
    <message>
        <source>Choose a rejected change in the list first.</source>
        <translation>Primero elija un cambio rechazado de la lista.</translation>
    </message>
    <message>
        <source>the record %1 of %2</source>
        <translation>el registro %1 de %2</translation>
    </message>
    <message>
        <source>the field %1 of the record %2 of %3</source>
        <translation>el campo %1 del registro %2 de %3</translation>
    </message>
    <message>
        <source>Keep this PC&apos;s value</source>
        <translation>Mantener el valor de este equipo</translation>
    </message>
    <message>
        <source>Send this PC&apos;s value %1 of %2 to the server? It replaces %3, written on another PC.</source>
        <translation>¿Enviar al servidor el valor %1 de este equipo para %2? Reemplaza a %3, escrito en otro equipo.</translation>
    </message>
    <message>
        <source>Keep the server&apos;s value</source>
        <translation>Mantener el valor del servidor</translation>
    </message>
    <message>
        <source>Keep the server&apos;s value %1 of %2? This PC&apos;s value %3 is left aside.</source>
        <translation>¿Mantener el valor %1 del servidor para %2? El valor %3 de este equipo se deja de lado.</translation>
    </message>
    <message>
        <source>Discard the rejected change</source>
        <translation>Descartar el cambio rechazado</translation>
    </message>
    <message>
        <source>Discard the rejected change to the record %1 of %2? It will not be sent to the server again.</source>
        <translation>¿Descartar el cambio rechazado del registro %1 de %2? No se volverá a enviar al servidor.</translation>
    </message>
    <message>
        <source>To resolve: %1, %2.</source>
        <translation>Por resolver: %1, %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n conflicting field(s)</source>
        <translation>
            <numerusform>%n campo en conflicto</numerusform>
            <numerusform>%n campos en conflicto</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rejected change(s)</source>
        <translation>
            <numerusform>%n cambio rechazado</numerusform>
            <numerusform>%n cambios rechazados</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tambo::shell::SyncIndicator</name>
    <message>
        <source>Offline</source>
        <translation>Sin conexión</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) pending</source>
        <translation>
            <numerusform>%n cambio pendiente</numerusform>
            <numerusform>%n cambios pendientes</numerusform>
        </translation>
    </message>
    <message>
        <source>Syncing… %1%</source>
        <translation>Sincronizando… %1 %</translation>
    </message>
    <message>
        <source>Synced at %1</source>
        <translation>Sincronizado a las %1</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) rejected</source>
        <translation>
            <numerusform>%n cambio rechazado</numerusform>
            <numerusform>%n cambios rechazados</numerusform>
        </translation>
    </message>
    <message>
        <source>No connection to the server. Your work is kept in the encrypted local store and will be sent when the connection returns.</source>
        <translation>Sin conexión con el servidor. Su trabajo se guarda en el almacén local cifrado y se enviará cuando vuelva la conexión.</translation>
    </message>
    <message>
        <source>Changes saved on this PC that the server has not received yet.</source>
        <translation>Cambios guardados en este equipo que el servidor aún no ha recibido.</translation>
    </message>
    <message>
        <source>Exchanging changes with the server.</source>
        <translation>Intercambiando cambios con el servidor.</translation>
    </message>
    <message>
        <source>Everything was exchanged with the server on %1.</source>
        <translation>Todo se intercambió con el servidor el %1.</translation>
    </message>
    <message>
        <source>The server refused some changes. Click to review them.</source>
        <translation>El servidor rechazó algunos cambios. Haga clic para revisarlos.</translation>
    </message>
    <message>
        <source>Synchronization: %1</source>
        <translation>Sincronización: %1</translation>
    </message>
    <message>
        <source>Sync stopped</source>
        <translation>Sincronización detenida</translation>
    </message>
    <message>
        <source>This PC stopped syncing to protect the data. Its changes are kept here; call OTIC.</source>
        <translation>Este equipo dejó de sincronizar para proteger los datos. Sus cambios se conservan aquí; llame a la OTIC.</translation>
    </message>
</context>
<context>
    <name>tambo::shell::SyncReviewDialog</name>
    <message>
        <source>Synchronization</source>
        <translation>Sincronización</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;Sincronizar ahora</translation>
    </message>
    <message>
        <source>The server accepted every change of this PC.</source>
        <translation>El servidor aceptó todos los cambios de este equipo.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) refused by the server</source>
        <translation>
            <numerusform>%n cambio rechazado por el servidor</numerusform>
            <numerusform>%n cambios rechazados por el servidor</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) recorded</source>
        <translation>
            <numerusform>%n conflicto registrado</numerusform>
            <numerusform>%n conflictos registrados</numerusform>
        </translation>
    </message>
    <message>
        <source>Refused changes stay on this PC; tell the OTIC office if one is needed on the server.</source>
        <translation>Los cambios rechazados quedan en este equipo; avise a la OTIC si alguno debe llegar al servidor.</translation>
    </message>
    <message>
        <source>&amp;Resolve…</source>
        <translation>&amp;Resolver…</translation>
    </message>
</context>
<context>
    <name>tambo::shell::SyncReviewModel</name>
    <message>
        <source>Rejected</source>
        <translation>Rechazado</translation>
    </message>
    <message>
        <source>Edit against delete</source>
        <translation>Edición contra eliminación</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflicto</translation>
    </message>
    <message>
        <source>Changed on one PC and deleted on another; the server kept its version.</source>
        <translation>Se modificó en un equipo y se eliminó en otro; el servidor conservó su versión.</translation>
    </message>
    <message>
        <source>%1: the server kept %2; this PC had %3</source>
        <translation>%1: el servidor conservó %2; este equipo tenía %3</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabla</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
</context>
<context>
    <name>tambo::shell::UserTableModel</name>
    <message>
        <source>Locked by an administrator</source>
        <translation>Bloqueado por un administrador</translation>
    </message>
    <message>
        <source>Locked until %1 (failed attempts)</source>
        <translation>Bloqueado hasta las %1 (intentos fallidos)</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>(all)</source>
        <translation>(todas)</translation>
    </message>
    <message numerus="yes">
        <source>%n failed login attempt(s)</source>
        <translation>
            <numerusform>%n intento de inicio de sesión fallido</numerusform>
            <numerusform>%n intentos de inicio de sesión fallidos</numerusform>
        </translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nombre completo</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Sede</source>
        <translation>Sede</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
</context>
<context>
    <name>tambo::shell::UsersPage</name>
    <message>
        <source>Users</source>
        <translation>Usuarios</translation>
    </message>
    <message>
        <source>Accounts that can log in on this PC. Locking an account stops its logins until an administrator unlocks it.</source>
        <translation>Cuentas que pueden iniciar sesión en este equipo. Una cuenta bloqueada no puede ingresar hasta que un administrador la desbloquee.</translation>
    </message>
    <message>
        <source>&amp;New user…</source>
        <translation>&amp;Nuevo usuario…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Bloquear</translation>
    </message>
    <message>
        <source>U&amp;nlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>Filter by name, user or role…</source>
        <translation>Filtrar por nombre, usuario o rol…</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filtrar:</translation>
    </message>
    <message>
        <source>User %1 was created.</source>
        <translation>Se creó el usuario %1.</translation>
    </message>
    <message>
        <source>User %1 is locked.</source>
        <translation>El usuario %1 quedó bloqueado.</translation>
    </message>
    <message>
        <source>User %1 is unlocked.</source>
        <translation>El usuario %1 quedó desbloqueado.</translation>
    </message>
    <message>
        <source>Lock user</source>
        <translation>Bloquear usuario</translation>
    </message>
    <message>
        <source>Lock the account %1? It cannot log in until an administrator unlocks it.</source>
        <translation>¿Bloquear la cuenta %1? No podrá iniciar sesión hasta que un administrador la desbloquee.</translation>
    </message>
</context>
</TS>
