<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name>App</name>
    <message>
        <source>pzmdo is already open with this database on this computer. Switch to that window, or close it first.</source>
        <translation>pzmdo is op deze computer al geopend met deze database. Ga naar dat venster of sluit het eerst.</translation>
    </message>
</context>
</TS>