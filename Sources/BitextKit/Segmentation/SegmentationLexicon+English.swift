// English word lists for the boundary rules (data; see `SegmentationLexicon`).
extension SegmentationLexicon {
  static let english = SegmentationLexicon(
    inner: """
      mr mrs ms messrs mme mlle dr prof st mt ft gen sen rep gov lt col capt cmdr cpl sgt maj adm
      brig gov pres supt det insp rev hon fr sr e.g i.e vs viz cf approx dept est esp incl
      ca al fig figs ed eds ref refs univ assoc bros mssrs med f.e btw p.s pvt
      """,
    beforeNumber: """
      no nos nr n° nº p pp vol vols ch chap art sec para pt tel jan feb mar apr jun jul aug sep sept oct nov
      dec op ex ext
      """,
    final: """
      etc co corp inc ltd plc llc jr a.m p.m u.s u.s.a u.k e.u u.n d.c min hrs yrs oz lb lbs ft in
      km kg mi sq bc ad b.c a.d ave blvd rd ind
      """,
    sentenceStarters: """
      I He She It We They You This That These Those There Here The A An Some Many Most All Each
      Every No Our Your My His Her Its Their But And Or So Yet However Also Then Now Still Finally
      Meanwhile If When While After Before Although Because Since As In On At For With From By To Of
      Yes What Who Why How Where Which Did Do Does Is Are Was Were Will Would Can Could Should Let
      Please Thus Therefore Instead Otherwise Today Yesterday Tomorrow Last Next First Second Other
      Such Both Neither Nor Not Even Only Just Once Although Despite During Under Over Unlike Like
      One Two Three Four Five Six Seven Eight Nine Ten Mr Mrs Ms Dr Thanks Thank
      """,
    months: """
      January February March April May June July August September October November December Jan Feb
      Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
      """,
    timesOfDay: "a.m p.m",
    wordsAfterTime: """
      Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thurs Fri Sat
      Sun ET EST EDT CT CST CDT MT MST MDT PT PST PDT GMT UTC BST CET CEST IST JST AEST Eastern
      Central Mountain Pacific Atlantic Greenwich Local Moscow London Paris Berlin Washington Kyiv
      Tokyo Beijing
      """,
    smallSentenceStarters: """
      i we they you he she it the this that these those there my our your his her their its
      plus also but so then now just maybe please if when why what how do does did is are was
      were can could would should will thanks thank
      """,
    pronounI: true
  )
}
