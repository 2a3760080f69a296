// German word lists for the boundary rules (data; see `SegmentationLexicon`).
extension SegmentationLexicon {
  static let german = SegmentationLexicon(
    inner: """
      abs abschn abt adr allg amtl anh anl anm apr bd bde bearb beil bes bez bhf bspw bsp bzgl bzw
      ca dipl dir dr dt d.h e.v ebd ehem eig einschl engl entspr erg etw ev evang evtl exkl
      fa fam fr frl gebr gem gen ges gest ggf ggü gr hl hr hrn hrsg i.a i.d.r i.e i.s i.v inkl
      ing jr kath kap kfm kl lt max med mind nat nachf nr o.a o.ä o.g phil
      prof rer s.o s.u sog st tel u.a u.ä u.u urspr usf v.a v.chr verh vgl vors
      w.o z.b z.t z.z z.zt zt zzgl zw e.g vs jur dent vet theol röm gegr
      """,
    beforeNumber: """
      abb art bd nr no n° nº s seite tab ziff kap anm aufl jan feb febr mär apr jun jul aug sep sept okt
      nov dez jg bl
      """,
    final: """
      usw etc u.ä u.a.m u.v.m v.chr n.chr chr mio mrd tsd std min sek jh jhd co inc ltd corp gmbh
      str u.s u.s.a u.k e.u ff a.m p.m
      """,
    sentenceStarters: """
      Der Die Das Den Dem Des Ein Eine Einer Eines Einem Einen Er Sie Es Wir Ich Ihr Du Man Dies
      Diese Dieser Dieses Diesen Jene Doch Aber Und Oder Auch Dann Denn So Da Dort Hier Heute Jetzt
      Nun Nach Vor In Im Am An Auf Aus Bei Mit Von Zu Zum Zur Für Um Wenn Als Wie Was Wer Wo Warum
      Weil Obwohl Während Trotz Seit Bis Damit Deshalb Deswegen Daher Dabei Zudem Außerdem
      Allerdings Jedoch Trotzdem Schließlich Zunächst Später Danach Nachdem Bereits Schon Noch
      Nicht Kein Keine Alle Viele Einige Mehrere Jeder Jede Jedes Sein Seine Ihre Unser Unsere
      Mein Meine Laut Zwar Ob Gestern Bisher Insgesamt Zuvor Dazu Darüber Dafür Dagegen Denn
      Immer Nur Zwei Drei Vier Fünf Sechs Sieben Acht Neun Zehn Beim Vom Ins Gegen Unter Über
      """,
    months: """
      Januar Jänner Februar März April Mai Juni Juli August September Oktober November Dezember
      Jan Feb Febr Mär Apr Jun Jul Aug Sep Sept Okt Nov Dez
      """,
    ordinalNouns: """
      Jahrhundert Jahrhunderts Jahrhunderten Jahrtausend Jahrtausends Jahrestag Geburtstag Todestag
      Mal Platz Platzes Rang Stelle Liga Bundesliga Runde Spieltag Weltkrieg Weltkrieges Weltkriegs
      Klasse Stock Etage Auflage Kapitel Quartal Quartals Halbjahr Halbjahres Semester Amtszeit
      Legislaturperiode Sinfonie Symphonie Satz Advent Adventssonntag Spiel Tag Tages Woche Monat
      Lebensjahr Lebensjahres Lebensjahrzehnt Jahrestages Parteitag Kongress Bundestag Etappe
      Durchgang Wahlgang Versuch Anlauf Armee Division Kompanie Bezirk Mannschaft Kind Ehe Amt
      """,
    ordinalContext: """
      der die das dem den des am im vom zum zur beim ins ans aufs ihr ihre ihrem ihren ihrer ihres
      sein seine seinem seinen seiner seines unser unsere unseren unserem mein meine meinem meinen
      dein deine ein eine einem einen einer eines jeder jede jedes jedem jeden bis ab zum bzw und
      oder sowie den vom
      """
  )
}
