<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>tambo::admin::AdminCli</name>
    <message numerus="yes">
        <source>Audit chain verified: %n row(s), no alteration found.</source>
        <translation>
            <numerusform>Audit chain verified: %n row, no alteration found.</numerusform>
            <numerusform>Audit chain verified: %n rows, no alteration found.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the audit anchors the server %1 holds for this PC (%n anchor(s))</source>
        <translation>
            <numerusform>the audit anchors the server %1 holds for this PC (%n anchor)</numerusform>
            <numerusform>the audit anchors the server %1 holds for this PC (%n anchors)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pending change(s) will be sent as the new device&apos;s.</source>
        <translation>
            <numerusform>%n pending change will be sent as the new device&apos;s.</numerusform>
            <numerusform>%n pending changes will be sent as the new device&apos;s.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tambo::core::AuditAnchorCheck</name>
    <message numerus="yes">
        <source>%n anchor(s) match the audit log.</source>
        <translation>
            <numerusform>%n anchor matches the audit log.</numerusform>
            <numerusform>%n anchors match the audit log.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tambo::core::BundleService</name>
    <message numerus="yes">
        <source>Bundle %1 saved with %n pending change(s).</source>
        <translation>
            <numerusform>Bundle %1 saved with %n pending change.</numerusform>
            <numerusform>Bundle %1 saved with %n pending changes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Bundle imported: %n change(s) acknowledged by the server</source>
        <translation>
            <numerusform>Bundle imported: %n change acknowledged by the server</numerusform>
            <numerusform>Bundle imported: %n changes acknowledged by the server</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) received</source>
        <translation>
            <numerusform>%n row received</numerusform>
            <numerusform>%n rows received</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rejected</source>
        <translation>
            <numerusform>%n rejected</numerusform>
            <numerusform>%n rejected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tambo::core::KeychainKeyProvider</name>
    <message numerus="yes">
        <source>The keychain entry for the store “%1” is not a Tambo key (it holds %n byte(s), a key has 32).</source>
        <translation>
            <numerusform>The keychain entry for the store “%1” is not a Tambo key (it holds %n byte, a key has 32).</numerusform>
            <numerusform>The keychain entry for the store “%1” is not a Tambo key (it holds %n bytes, a key has 32).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tambo::core::SqlCipherResult</name>
    <message numerus="yes">
        <source>The query has %n placeholder(s) but no bound values; use prepare() and bindValue().</source>
        <translation>
            <numerusform>The query has %n placeholder but no bound values; use prepare() and bindValue().</numerusform>
            <numerusform>The query has %n placeholders but no bound values; use prepare() and bindValue().</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::AssetImporter</name>
    <message numerus="yes">
        <source>Nothing was imported: the file has %n row(s) with problems; correct them and check again.</source>
        <translation>
            <numerusform>Nothing was imported: the file has %n row with problems; correct it and check again.</numerusform>
            <numerusform>Nothing was imported: the file has %n rows with problems; correct them and check again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::AssetRegisterPage</name>
    <message numerus="yes">
        <source>%n asset(s)</source>
        <translation>
            <numerusform>%n asset</numerusform>
            <numerusform>%n assets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n asset(s)</source>
        <translation>
            <numerusform>%1 of %n asset</numerusform>
            <numerusform>%1 of %n assets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::CampaignResultModel</name>
    <message numerus="yes">
        <source>Scanned %n time(s); counted once.</source>
        <translation>
            <numerusform>Scanned %n time; counted once.</numerusform>
            <numerusform>Scanned %n times; counted once.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::CatalogoRepository</name>
    <message numerus="yes">
        <source>The catálogo code “%1” has %n digit(s); it must have 8 (a spreadsheet may have dropped leading zeros: format the column as text).</source>
        <translation>
            <numerusform>The catálogo code “%1” has %n digit; it must have 8 (a spreadsheet may have dropped leading zeros: format the column as text).</numerusform>
            <numerusform>The catálogo code “%1” has %n digits; it must have 8 (a spreadsheet may have dropped leading zeros: format the column as text).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::CodigoPatrimonial</name>
    <message numerus="yes">
        <source>“%1” has %n digit(s); a código patrimonial has 12 (8 of the SBN catálogo and 4 of the correlativo).</source>
        <translation>
            <numerusform>“%1” has %n digit; a código patrimonial has 12 (8 of the SBN catálogo and 4 of the correlativo).</numerusform>
            <numerusform>“%1” has %n digits; a código patrimonial has 12 (8 of the SBN catálogo and 4 of the correlativo).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::ImportAdminCommand</name>
    <message numerus="yes">
        <source>File: %1 (%2, separator %3), %n row(s); mapping: %4.</source>
        <translation>
            <numerusform>File: %1 (%2, separator %3), %n row; mapping: %4.</numerusform>
            <numerusform>File: %1 (%2, separator %3), %n rows; mapping: %4.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) correct, </source>
        <translation>
            <numerusform>%n row correct, </numerusform>
            <numerusform>%n rows correct, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with problems.</source>
        <translation>
            <numerusform>%n row with problems.</numerusform>
            <numerusform>%n rows with problems.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n asset(s) in one transaction (import %1).</source>
        <translation>
            <numerusform>Imported %n asset in one transaction (import %1).</numerusform>
            <numerusform>Imported %n assets in one transaction (import %1).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::ImportDialog</name>
    <message numerus="yes">
        <source>%1: %n row(s), %2, separator %3.</source>
        <translation>
            <numerusform>%1: %n row, %2, separator %3.</numerusform>
            <numerusform>%1: %n rows, %2, separator %3.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::InventoryPage</name>
    <message numerus="yes">
        <source>Already scanned: %1 (%2) has been scanned %n time(s) in this campaign; it counts once.</source>
        <translation>
            <numerusform>Already scanned: %1 (%2) has been scanned %n time in this campaign; it counts once.</numerusform>
            <numerusform>Already scanned: %1 (%2) has been scanned %n times in this campaign; it counts once.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::LabelAdminCommand</name>
    <message numerus="yes">
        <source>%n label(s)</source>
        <translation>
            <numerusform>%n label</numerusform>
            <numerusform>%n labels</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::LabelPrintDialog</name>
    <message numerus="yes">
        <source>%n label(s)</source>
        <translation>
            <numerusform>%n label</numerusform>
            <numerusform>%n labels</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) saved in %1.</source>
        <translation>
            <numerusform>%n label saved in %1.</numerusform>
            <numerusform>%n labels saved in %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) sent to %1.</source>
        <translation>
            <numerusform>%n label sent to %1.</numerusform>
            <numerusform>%n labels sent to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::LabelProfileCatalog</name>
    <message numerus="yes">
        <source>%1: holds %n profile(s); give a file with exactly one.</source>
        <translation>
            <numerusform>%1: holds %n profile; give a file with exactly one.</numerusform>
            <numerusform>%1: holds %n profiles; give a file with exactly one.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::LabelService</name>
    <message numerus="yes">
        <source>%n code(s) are not a código patrimonial: %1</source>
        <translation>
            <numerusform>%n code is not a código patrimonial: %1</numerusform>
            <numerusform>%n codes are not a código patrimonial: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n code(s) are not in the register: %1</source>
        <translation>
            <numerusform>%n code is not in the register: %1</numerusform>
            <numerusform>%n codes are not in the register: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::MovementActa</name>
    <message numerus="yes">
        <source>Total: %n asset(s).</source>
        <translation>
            <numerusform>Total: %n asset.</numerusform>
            <numerusform>Total: %n assets.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::MovementTableModel</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::ScanPage</name>
    <message numerus="yes">
        <source>Repeated (%n time(s))</source>
        <translation>
            <numerusform>Repeated (%n time)</numerusform>
            <numerusform>Repeated (%n times)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scan(s)</source>
        <translation>
            <numerusform>%n scan</numerusform>
            <numerusform>%n scans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n distinct asset(s) found</source>
        <translation>
            <numerusform>%n distinct asset found</numerusform>
            <numerusform>%n distinct assets found</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tambo::patrimonio::ScanSession</name>
    <message numerus="yes">
        <source>Already scanned: %1 (%2) has been scanned %n time(s) in this session.</source>
        <translation>
            <numerusform>Already scanned: %1 (%2) has been scanned %n time in this session.</numerusform>
            <numerusform>Already scanned: %1 (%2) has been scanned %n times in this session.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tambo::shell::AddUserDialog</name>
    <message numerus="yes">
        <source>at least %n character(s)</source>
        <translation>
            <numerusform>at least %n character</numerusform>
            <numerusform>at least %n characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tambo::shell::AuditPage</name>
    <message numerus="yes">
        <source>Showing the newest %n row(s)</source>
        <translation>
            <numerusform>Showing the newest row</numerusform>
            <numerusform>Showing the newest %n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The chain is intact: %n row(s) checked.</source>
        <translation>
            <numerusform>The chain is intact: %n row checked.</numerusform>
            <numerusform>The chain is intact: %n rows checked.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tambo::shell::SettingsDialog</name>
    <message numerus="yes">
        <source>The scanner prefix and suffix may have at most %n character(s) each.</source>
        <translation>
            <numerusform>The scanner prefix and suffix may have at most %n character each.</numerusform>
            <numerusform>The scanner prefix and suffix may have at most %n characters each.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tambo::shell::SyncConflictsPage</name>
    <message numerus="yes">
        <source>%n conflicting field(s)</source>
        <translation>
            <numerusform>%n conflicting field</numerusform>
            <numerusform>%n conflicting fields</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rejected change(s)</source>
        <translation>
            <numerusform>%n rejected change</numerusform>
            <numerusform>%n rejected changes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tambo::shell::SyncIndicator</name>
    <message numerus="yes">
        <source>%n change(s) pending</source>
        <translation>
            <numerusform>%n change pending</numerusform>
            <numerusform>%n changes pending</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) rejected</source>
        <translation>
            <numerusform>%n change rejected</numerusform>
            <numerusform>%n changes rejected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tambo::shell::SyncReviewDialog</name>
    <message numerus="yes">
        <source>%n change(s) refused by the server</source>
        <translation>
            <numerusform>%n change refused by the server</numerusform>
            <numerusform>%n changes refused by the server</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) recorded</source>
        <translation>
            <numerusform>%n conflict recorded</numerusform>
            <numerusform>%n conflicts recorded</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tambo::shell::UserTableModel</name>
    <message numerus="yes">
        <source>%n failed login attempt(s)</source>
        <translation>
            <numerusform>%n failed login attempt</numerusform>
            <numerusform>%n failed login attempts</numerusform>
        </translation>
    </message>
</context>
</TS>
