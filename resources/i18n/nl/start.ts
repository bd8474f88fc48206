<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name>Starter</name>
    <message>
        <source>pzmdo — unlock</source>
        <translation>pzmdo — ontgrendelen</translation>
    </message>
    <message>
        <source>pzmdo — log in</source>
        <translation>pzmdo — inloggen</translation>
    </message>
</context>
</TS>