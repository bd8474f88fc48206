<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name>GuiContext</name>
    <message>
        <source>pzmdo</source>
        <translation>pzmdo</translation>
    </message>
    <message>
        <source>Something went wrong; nothing was saved of the last action. Try again, and report it to your administrator if it happens again.</source>
        <translation>Er ging iets mis; van de laatste handeling is niets opgeslagen. Probeer het opnieuw en meld het aan uw beheerder als het nog eens gebeurt.</translation>
    </message>
    <message>
        <source>Technical details: %1</source>
        <translation>Technische gegevens: %1</translation>
    </message>
</context>
</TS>