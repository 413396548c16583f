using SigmaNex.Core.Triage;

namespace SigmaNex.Core.Tests.Triage;

/// <summary>Spanish triage (Resources/triage/es.yaml): emergencies of every category, questions, typos, idioms, negation.</summary>
public sealed class TriageSpanishTests
{
    private readonly TriageClassifier _triage = TriageClassifier.Default;

    [Theory]
    // cardiac_arrest
    [InlineData("mi padre no respira", "cardiac_arrest")]
    [InlineData("Mi abuela se desplomó y ya no respira", "cardiac_arrest")]
    [InlineData("ha dejado de respirar, qué hago", "cardiac_arrest")]
    [InlineData("no le encuentro el pulso", "cardiac_arrest")]
    [InlineData("no tiene ningún pulso", "cardiac_arrest")]
    [InlineData("se le paró el corazón", "cardiac_arrest")]
    [InlineData("parada cardiorrespiratoria en la calle", "cardiac_arrest")]
    [InlineData("cómo se hace la RCP", "cardiac_arrest")]
    [InlineData("como hacer un masaje cardiaco", "cardiac_arrest")]
    [InlineData("está boqueando y no responde", "cardiac_arrest")]
    [InlineData("creo que está muerto", "cardiac_arrest")]
    // choking
    [InlineData("mi hijo se está atragantando", "choking")]
    [InlineData("se está ahogando con un trozo de carne", "choking")]
    [InlineData("se atoró con un dulce y no puede hablar", "choking")]
    [InlineData("tiene una espina clavada en la garganta", "choking")]
    [InlineData("cómo se hace la maniobra de Heimlich", "choking")]
    [InlineData("se atraganto con una uva", "choking")]
    // severe_bleeding
    [InlineData("sangra mucho de la pierna", "severe_bleeding")]
    [InlineData("no para de sangrar", "severe_bleeding")]
    [InlineData("hay mucha sangre, le cortaron el brazo", "severe_bleeding")]
    [InlineData("cómo parar una hemorragia", "severe_bleeding")]
    [InlineData("le apuñalaron en la calle", "severe_bleeding")]
    [InlineData("sale sangre a chorros del corte", "severe_bleeding")]
    [InlineData("hemoragia fuerte en el brazo", "severe_bleeding")]
    // anaphylaxis
    [InlineData("es alérgico a los cacahuetes y se le hincha la lengua", "anaphylaxis")]
    [InlineData("choque anafiláctico", "anaphylaxis")]
    [InlineData("le picó una avispa y se le hincha la cara", "anaphylaxis")]
    [InlineData("cómo se usa el autoinyector de adrenalina", "anaphylaxis")]
    [InlineData("se le cierra la garganta después de comer marisco", "anaphylaxis")]
    // drowning
    [InlineData("mi hijo se está ahogando en la piscina", "drowning")]
    [InlineData("lo sacamos del agua inconsciente", "drowning")]
    [InlineData("casi se ahoga en el mar", "drowning")]
    [InlineData("qué hacer en caso de ahogamiento", "drowning")]
    [InlineData("estaba nadando en el río y se ahogó", "drowning")]
    // electrocution
    [InlineData("se electrocutó con un cable", "electrocution")]
    [InlineData("le dio la corriente al tocar el enchufe", "electrocution")]
    [InlineData("le cayó un rayo", "electrocution", "lightning-strike")]
    [InlineData("recibió una descarga eléctrica", "electrocution")]
    // unconscious
    [InlineData("está inconsciente", "unconscious")]
    [InlineData("mi madre no despierta", "unconscious")]
    [InlineData("perdió el conocimiento", "unconscious")]
    [InlineData("se desmayó", "unconscious", "fainting")]
    [InlineData("posición lateral de seguridad", "unconscious", "recovery-position")]
    [InlineData("esta inconciente en el suelo", "unconscious")]
    // stroke
    [InlineData("creo que le está dando un ictus", "stroke")]
    [InlineData("tiene la boca torcida y habla raro", "stroke")]
    [InlineData("le dio un derrame cerebral", "stroke")]
    [InlineData("de repente no puede mover el brazo derecho", "stroke")]
    // heart_attack
    [InlineData("le dio un infarto", "heart_attack")]
    [InlineData("tengo un dolor muy fuerte en el pecho", "heart_attack")]
    [InlineData("me duele el pecho y el brazo izquierdo", "heart_attack")]
    [InlineData("sintomas de un ataque al corazon", "heart_attack")]
    [InlineData("creo que es un infarcto", "heart_attack")]
    // seizure
    [InlineData("está convulsionando", "seizure")]
    [InlineData("tiene un ataque epiléptico", "seizure")]
    [InlineData("mi bebé tuvo una convulsión febril", "seizure")]
    [InlineData("echa espuma por la boca", "seizure")]
    // breathing_difficulty
    [InlineData("no puedo respirar", "breathing_difficulty")]
    [InlineData("me falta el aire", "breathing_difficulty")]
    [InlineData("mi hijo tiene una crisis de asma", "breathing_difficulty", "asthma-attack")]
    [InlineData("le cuesta mucho respirar", "breathing_difficulty")]
    [InlineData("tiene los labios morados", "breathing_difficulty")]
    // poisoning
    [InlineData("mi hijo se bebió lejía", "poisoning")]
    [InlineData("se ha tomado toda la caja de pastillas", "poisoning")]
    [InlineData("intoxicación por monóxido de carbono", "poisoning", "carbon-monoxide")]
    [InlineData("sobredosis de heroína", "poisoning", "overdose")]
    [InlineData("está en coma etílico", "poisoning", "alcohol-poisoning")]
    [InlineData("se comió unas setas silvestres", "poisoning")]
    // suicide_self_harm
    [InlineData("quiero suicidarme", "suicide_self_harm")]
    [InlineData("me quiero morir", "suicide_self_harm")]
    [InlineData("no quiero seguir viviendo", "suicide_self_harm")]
    [InlineData("me corto los brazos", "suicide_self_harm")]
    [InlineData("pienso en quitarme la vida", "suicide_self_harm")]
    // severe_burns
    [InlineData("se quemó con agua hirviendo", "severe_burns")]
    [InlineData("cómo tratar una quemadura", "severe_burns")]
    [InlineData("se le prendió fuego la ropa", "severe_burns")]
    [InlineData("le salpicó ácido en la piel", "severe_burns", "chemical-burns")]
    [InlineData("le entró lejía en los ojos", "severe_burns", "chemical-eye-injury")]
    // heat_stroke
    [InlineData("creo que tiene un golpe de calor", "heat_stroke")]
    [InlineData("insolación grave", "heat_stroke")]
    [InlineData("con este calor se desplomó y está confuso", "heat_stroke")]
    // major_trauma
    [InlineData("se cayó de una escalera y se golpeó la cabeza", "major_trauma")]
    [InlineData("accidente de tráfico con heridos", "major_trauma")]
    [InlineData("lo atropelló un coche", "major_trauma")]
    [InlineData("se rompió el cuello", "major_trauma", "spinal-injury")]
    [InlineData("fractura abierta en la pierna", "major_trauma", "fractures")]
    [InlineData("quedó atrapado bajo los escombros", "major_trauma", "crush-injury")]
    // hypothermia
    [InlineData("hipotermia en la montaña", "hypothermia")]
    [InlineData("está helado y muy confuso", "hypothermia")]
    [InlineData("tiene congelación en los dedos", "hypothermia", "frostbite")]
    // venomous_bite
    [InlineData("le mordió una serpiente", "venomous_bite")]
    [InlineData("me picó un alacrán", "venomous_bite", "spider-scorpion-stings")]
    [InlineData("picadura de medusa", "venomous_bite", "marine-stings")]
    [InlineData("una víbora le mordió en el tobillo", "venomous_bite")]
    // diabetic_emergency
    [InlineData("está teniendo una hipoglucemia", "diabetic_emergency")]
    [InlineData("es diabético y está muy confuso", "diabetic_emergency")]
    [InlineData("se le bajó el azúcar", "diabetic_emergency")]
    [InlineData("tiene el azúcar por las nubes", "diabetic_emergency", "hyperglycaemia")]
    // childbirth
    [InlineData("mi mujer está de parto", "childbirth")]
    [InlineData("se le rompió la bolsa", "childbirth")]
    [InlineData("estoy embarazada y sangro", "childbirth")]
    [InlineData("el bebé ya viene y se ve la cabeza", "childbirth")]
    // colloquial phrasings, typos and signs described without naming the condition
    [InlineData("se le atrancó un trozo de manzana y no puede respirar", "choking")]
    [InlineData("se me ha ido la comida por el otro lado y no puedo respirar", "choking")]
    [InlineData("soy alérgica al marisco y se me está cerrando la garganta", "anaphylaxis")]
    [InlineData("le han salido habones por todo el cuerpo y dice que se marea y le cuesta tragar", "anaphylaxis")]
    [InlineData("se me ha dormido la mitad de la cara y el brazo izquierdo", "stroke")]
    [InlineData("de repente veo doble y no me salen las palabras", "stroke")]
    [InlineData("mi marido se agarra el pecho y suda mucho", "heart_attack")]
    [InlineData("me duele muxo el pexo", "heart_attack")]
    [InlineData("mi bebé con fiebre se ha puesto tieso y con sacudidas", "seizure")]
    [InlineData("mi niño se ha bebido el limpiacristales", "poisoning")]
    [InlineData("se me prendió el pelo con una vela y tengo la cara quemada", "severe_burns")]
    [InlineData("sacaron a una niña del mar y no respira", "drowning")]
    [InlineData("la corriente se lo llevó y no lo vemos", "drowning")]
    [InlineData("se está aogando un crío en la pisina", "drowning")]
    [InlineData("mi amigo ya no tiembla, está frío al tacto y habla muy lento", "hypothermia")]
    [InlineData("mi padre estuvo segando al sol y ahora está confuso y no suda", "heat_stroke")]
    [InlineData("ya no puedo más, quiero quitarme la vida", "suicide_self_harm")]
    [InlineData("mi amiga dice que se va a tirar por la ventana", "suicide_self_harm")]
    [InlineData("kiero morirme", "suicide_self_harm")]
    [InlineData("mi hermano se cayó de la moto y tiene el brazo doblado para atrás", "major_trauma", "fractures")]
    [InlineData("que hacer si te muerde una serpiente venenosa, hay que chupar el veneno", "venomous_bite")]
    [InlineData("tengo el azúcar en 35 y me tiembla todo", "diabetic_emergency")]
    [InlineData("mi padre es diabético y está sudando y no contesta", "diabetic_emergency")]
    [InlineData("mi hija tiene un ataque de asna y le silba el pecho", "breathing_difficulty")]
    [InlineData("mi marido está pegado al cable eléctrico y no se suelta", "electrocution")]
    [InlineData("mi mujer está de parrto y el bebé ya viene, no da tiempo", "childbirth")]
    // round 2: frames, reassurance and past markers must not swallow a real emergency; families without the condition's name
    [InlineData("estábamos viendo una peli y mi padre se ha desplomado, no respira", "cardiac_arrest")]
    [InlineData("mi compañero se ha caído en la obra desde el andamio y no se mueve", "major_trauma")]
    [InlineData("tosió un poco pero ya no respira y se está poniendo morado", "cardiac_arrest")]
    [InlineData("se desmayó, volvió en sí pero ahora tiene la boca torcida y no puede hablar bien", "stroke")]
    [InlineData("hace años tuvo un infarto y ahora otra vez le duele mucho el pecho", "heart_attack")]
    [InlineData("el año pasado tuvo un ictus y hoy de repente no puede mover el brazo derecho", "stroke")]
    [InlineData("tengo un dolor en el pecho como si me aplastaran y se me va al brazo", "heart_attack")]
    [InlineData("el bebé se está poniendo morado comiendo puré y no llora", "choking")]
    [InlineData("se nos cayó el niño a la acequia y lo hemos sacado azul", "drowning")]
    [InlineData("le dio un latigazo de la corriente arreglando la lavadora", "electrocution")]
    [InlineData("no le late el corazón a mi abuelo", "cardiac_arrest")]
    [InlineData("se le han hinchado los labios y los ojos y le cuesta respirar", "anaphylaxis")]
    [InlineData("mi abuela en casa sin aire a 40 grados, está ardiendo y desorientada", "heat_stroke")]
    [InlineData("mi primo se estrelló con la moto contra un muro y no se mueve", "major_trauma")]
    [InlineData("se cayó un andamio encima de un trabajador", "major_trauma")]
    [InlineData("se tiró de cabeza a la piscina y no mueve los brazos", "major_trauma", "spinal-injury")]
    [InlineData("le está dando un ataque, se sacude y babea", "seizure")]
    [InlineData("huele a gas en casa y estamos todos mareados", "poisoning", "carbon-monoxide")]
    [InlineData("estoy embarazada de 8 meses y sangro muchísimo", "childbirth")]
    [InlineData("lo encontré sin sentido en el suelo del baño", "unconscious")]
    [InlineData("tengo una hipo y estoy temblando", "diabetic_emergency")]
    [InlineData("el ventolín no le hace nada y se ahoga", "breathing_difficulty", "asthma-attack")]
    [InlineData("ayudaaa mi niño se tragó un chicle y no respira bn", "choking")]
    [InlineData("tocó el cerco eléctrico y quedó inconsciente", "electrocution")]
    [InlineData("estuvo todo el día al sol, está volado, no sabe ni dónde está, tiene la piel hirviendo", "heat_stroke")]
    [InlineData("mi amigo cayó al lago congelado y está tiritando", "hypothermia")]
    [InlineData("me caí de la moto y no puedo mover las piernas", "major_trauma", "spinal-injury")]
    [InlineData("tiene un ataque y está tieso con los ojos para arriba", "seizure")]
    [InlineData("mi novio me dijo que se va a colgar y no me contesta", "suicide_self_harm")]
    [InlineData("ya le salió la cabeza del bebé", "childbirth")]
    [InlineData("mi amiga bebió mucho y no hay forma de despertarla", "unconscious")]
    [InlineData("tuvo un infarto hace un mes y le vuelve a doler el pecho fuerte", "heart_attack")]
    [InlineData("hace tiempo le duele el pecho y hoy mucho más", "heart_attack")]
    [InlineData("en la serie de sentadillas mi amigo se desplomó y no respira", "cardiac_arrest")]
    [InlineData("se ha pasado con la droga y no despierta", "poisoning", "overdose")]
    [InlineData("mi hermana se despidió de todos y regaló sus cosas, dice que ya no va a estar", "suicide_self_harm")]
    [InlineData("mi padre está sudando, pálido y le duele la boca del estómago y el brazo", "heart_attack")]
    [InlineData("mi hijo de 4 meses hace pausas al respirar y se pone azulito", "breathing_difficulty")]
    [InlineData("a mi tío lo agarró la corriente en el poste", "electrocution")]
    public void Classify_SpanishEmergencies(string text, string category, string? protocol = null)
    {
        var r = _triage.Classify(text, "es");

        Assert.True(r.Detected, text);
        Assert.Equal(category, r.Category);
        if (protocol is not null)
        {
            Assert.Equal(protocol, r.ProtocolId);
        }
    }

    [Theory]
    [InlineData("mi bebé no respira", "cpr-infant")]
    [InlineData("mi hijo de 5 años no respira", "cpr-child")]
    [InlineData("mi abuelo de 80 años no respira", "cpr-adult")]
    [InlineData("mi niña se está atragantando", "choking-child")]
    public void Classify_SpanishAgeWords_ChooseTheProtocol(string text, string protocol) =>
        Assert.Equal(protocol, _triage.Classify(text, "es").ProtocolId);

    [Theory]
    // idioms
    [InlineData("me muero de risa")]
    [InlineData("me muero de hambre")]
    [InlineData("este tráfico me está matando")]
    [InlineData("mi móvil está muerto")]
    [InlineData("casi me da un infarto cuando vi la factura")]
    [InlineData("estoy ahogado en deudas")]
    [InlineData("se ahoga en un vaso de agua")]
    [InlineData("me quemé con el sol en la playa")]
    [InlineData("estoy quemado del trabajo")]
    [InlineData("se me quemó el arroz")]
    [InlineData("un subidón de adrenalina")]
    [InlineData("me tengo que hacer un análisis de sangre")]
    // negation
    [InlineData("no sangra, solo es un moratón")]
    [InlineData("ya no sangra")]
    [InlineData("no tiene fiebre ni convulsiones")]
    [InlineData("sin pérdida de conocimiento")]
    // survival and minor problems
    [InlineData("cómo purificar agua del río")]
    [InlineData("cómo hacer fuego sin cerillas")]
    [InlineData("cómo construir un refugio en el bosque")]
    [InlineData("me torcí el tobillo")]
    [InlineData("tengo una ampolla en el pie")]
    [InlineData("me picó un mosquito")]
    [InlineData("tengo un pequeño corte en el dedo")]
    [InlineData("me duele la cabeza")]
    [InlineData("qué poner en el botiquín")]
    [InlineData("cuánta agua hay que guardar por persona")]
    [InlineData("tengo hipo")]
    [InlineData("mi tía tiene gripe")]
    // figurative, resolved, past and harmless uses of the same words
    [InlineData("ese chiste me dejó sin respiración de tanto reírme")]
    [InlineData("cómo sangrar un párrafo en Word")]
    [InlineData("se me ahogó el coche al arrancar")]
    [InlineData("la pantalla del ordenador se ha congelado y no responde")]
    [InlineData("mi personaje del juego está envenenado")]
    [InlineData("mi abuela está sin aire acondicionado con este calor")]
    [InlineData("mi abuelo se atragantó con el agua pero ya tosió y respira normal")]
    [InlineData("mi padre tuvo un infarto hace dos años, qué dieta debe seguir")]
    [InlineData("mi madre se desmayó el mes pasado y todo salió bien")]
    [InlineData("el ataque de asma se le pasó con el inhalador")]
    [InlineData("son contracciones de Braxton Hicks según la matrona")]
    [InlineData("me sangró la nariz un rato esta mañana pero ya paró")]
    [InlineData("me quemé el dedo con la sartén")]
    [InlineData("qué plantas silvestres se pueden comer")]
    [InlineData("cuántas serpientes venenosas hay en España")]
    [InlineData("hace mucho frío y no siento las manos")]
    [InlineData("mi hijo tiene fiebre y tiembla de frío")]
    [InlineData("el dentista me dejó la boca dormida")]
    [InlineData("se ha roto la bolsa de la compra")]
    // round 2: fiction and news frames, reassurance about the present, past-time markers
    [InlineData("en la peli el malo envenena al rey, qué veneno sería")]
    [InlineData("en mi novela el detective se desangra, ¿es creíble?")]
    [InlineData("según el telediario un niño se ahogó en una piscina de Málaga")]
    [InlineData("soñé que me ahogaba en el mar")]
    [InlineData("se atragantó con un caramelo pero ya lo escupió y está perfectamente")]
    [InlineData("pensé que era un infarto pero al final fue un ataque de ansiedad")]
    [InlineData("el corte sangraba mucho pero ya ha dejado de sangrar")]
    [InlineData("hace dos años me dio un ictus, ¿puedo tomar café?")]
    [InlineData("de pequeño tuve una convulsión con fiebre")]
    [InlineData("mi abuelo se electrocutó hace muchos años en la mina")]
    [InlineData("se atragantó con una uva pero ya tosió y llora")]
    [InlineData("mi hijo se hundió en la piscina pero lo sacamos enseguida y ya está bien")]
    [InlineData("le sangraba la nariz a chorros pero ya no sangra")]
    [InlineData("me ahogo en tanto papeleo de Hacienda")]
    [InlineData("se me ha congelado el whatsapp y no responde")]
    [InlineData("tengo la nariz taponada y no puedo respirar bien por la nariz")]
    [InlineData("mi abuelo tuvo un ictus en 2015, ¿qué dieta le conviene?")]
    [InlineData("en el juego de mesa mi ficha se envenena")]
    [InlineData("mi perra va a parir, qué necesito")]
    [InlineData("te voy a colgar que estoy ocupada")]
    [InlineData("qué le pasa al cuerpo en una sobredosis, es para una obra de teatro")]
    [InlineData("cómo se trata una picadura de medusa leve")]
    [InlineData("me arde el pecho de la acidez después de comer")]
    [InlineData("en la serie de Netflix el prota se desangra")]
    [InlineData("el jefe me dio luz verde")]
    [InlineData("se va para siempre a México")]
    public void Classify_SpanishNonEmergencies_AreNotFlagged(string text) =>
        Assert.False(_triage.Classify(text, "es").Detected, text);

    [Fact]
    public void Classify_SpanishNegation_StaysInItsClause()
    {
        var r = _triage.Classify("no sangra, pero no respira", "es");

        Assert.Equal("cardiac_arrest", r.Category);
        Assert.DoesNotContain("severe_bleeding", r.AlsoMatched);
    }
}
