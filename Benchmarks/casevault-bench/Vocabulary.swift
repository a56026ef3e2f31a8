/// Word lists for the synthetic cases. Every first name / surname pairing is made up at random;
/// narratives are neutral filler words, not accounts.
enum Vocabulary {
    static let femaleFirstNames = [
        "Milica", "Jelena", "Ana", "Marija", "Jovana", "Dragana", "Snežana", "Ljiljana", "Gordana", "Biljana",
        "Vesna", "Nataša", "Ivana", "Tijana", "Katarina", "Danijela", "Svetlana", "Mirjana", "Slađana", "Zorica",
        "Nevena", "Teodora", "Anđela", "Sanja", "Jasmina", "Dušica", "Radmila", "Olivera", "Bojana", "Tamara",
        "Đurđa", "Ružica", "Verica", "Živana", "Nada", "Milena", "Sonja", "Ljubica", "Stanislava", "Kristina",
    ]

    static let maleFirstNames = [
        "Marko", "Nikola", "Stefan", "Dragan", "Zoran", "Milan", "Nenad", "Dejan", "Goran", "Vladimir",
        "Đorđe", "Miloš", "Aleksandar", "Dušan", "Branko", "Slobodan", "Željko", "Predrag", "Ivan", "Miroslav",
    ]

    static let surnames = [
        "Jovanović", "Petrović", "Nikolić", "Marković", "Đorđević", "Stojanović", "Ilić", "Stanković", "Pavlović",
        "Milošević", "Popović", "Đukić", "Kostić", "Živković", "Lazić", "Radovanović", "Mitrović", "Simić",
        "Obradović", "Tomić", "Kovačević", "Vasić", "Todorović", "Savić", "Ristić", "Stevanović", "Milenković",
        "Jović", "Lukić", "Ćirić", "Pešić", "Nedeljković", "Mladenović", "Vuković", "Ivanović", "Branković",
        "Gajić", "Filipović", "Aleksić", "Krstić", "Antić", "Marinković", "Kocić", "Milovanović", "Zdravković",
        "Ranković", "Janković", "Dimitrijević", "Stojković", "Mićić", "Vučković", "Veljković", "Bogdanović",
        "Radosavljević", "Ćosić", "Šarić", "Erić", "Lalić", "Tasić", "Rakić", "Spasić", "Nešić", "Milutinović",
        "Petković", "Mihajlović", "Arsić", "Blagojević", "Gavrilović", "Đurić", "Jeremić", "Kojić", "Lazarević",
        "Maksimović", "Paunović", "Radić", "Stamenković", "Trifunović", "Urošević", "Zlatković", "Čolić",
        "Džajić", "Ljubisavljević", "Živanović", "Šaranović", "Bošković", "Dragićević", "Grujić", "Matić",
        "Novaković", "Perić",
    ]

    static let municipalities = ["Kruševac", "Aleksandrovac", "Brus", "Varvarin", "Trstenik", "Ćićevac"]

    static let narrativeWords = [
        "prijavila", "je", "da", "se", "događaj", "desio", "u", "kući", "posle", "svađe", "oko", "novca",
        "partner", "joj", "pretio", "telefonom", "više", "puta", "tokom", "noći", "komšinica", "pozvala",
        "policiju", "ujutru", "došla", "centar", "za", "socijalni", "rad", "sa", "decom", "traži", "smeštaj",
        "i", "pravnu", "pomoć", "ne", "želi", "prijavu", "odmah", "razgovor", "nastavljen", "sledeće",
        "nedelje", "savetnica", "dogovorila", "plan", "bezbednosti", "lekarski", "pregled", "obavljen",
        "domu", "zdravlja", "majka", "zna", "situaciju", "brat", "živi", "drugom", "gradu", "posao",
        "izgubila", "prošle", "godine", "strahuje", "zbog", "dece", "škola", "obaveštena", "sud", "rok",
    ]

    static let narrativeWordsCyrillic = narrativeWords.map(SerbianScript.cyrillic)
}
